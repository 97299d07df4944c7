using Posyandu.Conversation;

namespace Posyandu.Referrals.Texts;

/// <summary>What the bot says about reminders: the answers to BERHENTI and MULAI.</summary>
internal static class ReminderTexts
{
    public static Reply Stopped() => Reply.Plain(
        "Baik, Bapak/Ibu tidak akan menerima pengingat dan ringkasan lagi. Laporan dan pemberitahuan tentang laporan tetap " +
        "dikirim seperti biasa. Untuk menerima pengingat lagi, balas *MULAI*.");

    public static Reply Resumed() => Reply.Plain(
        "Baik, pengingat dan ringkasan untuk Bapak/Ibu aktif kembali. Untuk menghentikannya, balas *BERHENTI*.");

    public static Reply AlreadyOn() => Reply.Plain(
        "Pengingat untuk Bapak/Ibu sudah aktif. Untuk menghentikannya, balas *BERHENTI*.");
}
