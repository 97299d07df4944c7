using Posyandu.Conversation;

namespace Posyandu.Referrals.Texts;

/// <summary>What the bot says in a chat about the dashboard.</summary>
internal static class DashboardTexts
{
    /// <summary>The sign-in code, marked confidential so that the simulator's shared feed shows it only to its owner.</summary>
    public static Reply SignInCode(string code, TimeSpan validity) => Reply.Plain(
        $"Kode masuk dasbor Posyandu: *{code}*\n" +
        $"Berlaku {validity.TotalMinutes:0} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas. " +
        "Bila Bapak/Ibu tidak sedang masuk ke dasbor, abaikan pesan ini.") with { Confidential = true };
}
