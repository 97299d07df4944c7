using System.Globalization;
using Posyandu.Conversation;

namespace Posyandu.Referrals.Texts;

/// <summary>What the bot says about reminders: the answers to BERHENTI and MULAI, and the scheduled reminders themselves.</summary>
internal static class ReminderTexts
{
    public static Reply Stopped() => Reply.Plain(
        "Baik, Bapak/Ibu tidak akan menerima pengingat dan ringkasan lagi. Laporan dan pemberitahuan tentang laporan tetap " +
        "dikirim seperti biasa. Untuk menerima pengingat lagi, balas *MULAI*.");

    public static Reply Resumed() => Reply.Plain(
        "Baik, pengingat dan ringkasan untuk Bapak/Ibu aktif kembali. Untuk menghentikannya, balas *BERHENTI*.");

    public static Reply AlreadyOn() => Reply.Plain(
        "Pengingat untuk Bapak/Ibu sudah aktif. Untuk menghentikannya, balas *BERHENTI*.");

    private static readonly string[] MonthNames =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private const string StopHint = "\n\n(Balas *BERHENTI* bila tidak ingin menerima pengingat.)";

    /// <summary>The day before hari buka, to the Posyandu's kader.</summary>
    public static Reply HariBuka(string posyandu, DateOnly openingDay) => Reply.Plain(
        $"*Pengingat hari buka*\nBesok, {Date(openingDay)}, {posyandu} buka. Terima kasih atas persiapannya, " +
        "Bapak/Ibu kader. Setelah kegiatan, laporan dapat dikirim lewat menu *Lapor*." + StopHint);

    /// <summary>The monthly reminder to a kader who has not reported this month.</summary>
    public static Reply Monthly(DateOnly month) => Reply.Plain(
        $"*Pengingat laporan bulanan*\nBapak/Ibu belum mengirim laporan untuk bulan {MonthNames[month.Month - 1]} {month.Year}. " +
        "Mohon kirim laporan lewat menu *Lapor* sebelum akhir bulan. Terima kasih." + StopHint);

    /// <summary>The morning digest of an official's open referrals.</summary>
    public static Reply Digest(IReadOnlyList<OpenReferral> open, int limit) =>
        Reply.Plain("*Ringkasan harian*\n" + DeadlineTexts.OpenList(open, limit).Text + StopHint);

    private static string Date(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Day} {MonthNames[day.Month - 1]} {day.Year}");
}
