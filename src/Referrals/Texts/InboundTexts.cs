using Posyandu.Conversation;

namespace Posyandu.Referrals.Texts;

/// <summary>What the bot says to a chat it does not know yet, and when a message could not be handled.</summary>
internal static class InboundTexts
{
    public static Reply AskContact() => new(
        "Selamat datang di Posyandu.Bot. Untuk mengenali Bapak/Ibu, mohon bagikan nomor HP dengan menekan tombol " +
        "*Bagikan nomor HP* di bawah.",
        [], ReplyRequest.Contact);

    public static Reply NotOwnNumber() => new(
        "Maaf, nomor yang dikirim bukan nomor Bapak/Ibu sendiri. Mohon bagikan nomor HP Bapak/Ibu sendiri dengan menekan " +
        "tombol *Bagikan nomor HP* di bawah.",
        [], ReplyRequest.Contact);

    public static Reply NotInRoster(string? phone) => Reply.Plain(
        $"Maaf, nomor {phone ?? "ini"} belum terdaftar di Posyandu.Bot. Mohon hubungi Ketua TP Posyandu atau admin desa " +
        "Bapak/Ibu agar nomor ini didaftarkan. Terima kasih.");

    public static Reply Failure() => Reply.Plain(
        "Maaf, terjadi kesalahan saat memproses pesan Bapak/Ibu. Jawaban sebelumnya tetap tersimpan. Silakan coba lagi, " +
        "atau ketik *menu*.");
}
