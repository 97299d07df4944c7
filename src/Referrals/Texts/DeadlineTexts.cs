using System.Globalization;
using System.Text;
using Posyandu.Conversation;
using Posyandu.Conversation.Parsing;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Texts;

/// <summary>What the deadlines say: the reminder before the deadline, the escalation notices, the follow-up, and DAFTAR.</summary>
internal static class DeadlineTexts
{
    /// <summary>To the primaries at the reminder mark, with the Terima button.</summary>
    public static Reply Reminder(ReportFacts facts, Referral referral)
    {
        var n = TextFormat.ShortNumber(facts.Number);
        var text = $"*Pengingat: laporan {facts.Number} belum diterima*\n" +
                   $"{facts.Title}, Desa {facts.Desa}, urgensi *{TextFormat.Urgency(facts.Urgency)}*.\n\n" +
                   $"Mohon diterima sebelum {TextFormat.Time(referral.AckDeadline, facts.Zone)}: balas *TERIMA {n}* atau tekan tombol *Terima*. " +
                   $"Bila belum diterima, laporan akan diteruskan ke tingkat berikutnya. Bila bukan wilayah Bapak/Ibu, balas *TOLAK {n} <alasan>*.";
        return new Reply(text, [new Button("Terima", OfficialCommand.ButtonData(OfficialAction.Terima, facts.Number))]);
    }

    /// <summary>Why the next level gets it: nobody acknowledged by the deadline.</summary>
    public static string EscalationReason(IReadOnlyList<Person> waitedFor, DateTimeOffset deadline, TimeZoneInfo zone) =>
        $"belum diterima oleh {People(waitedFor)} sampai batas waktu {TextFormat.Time(deadline, zone)}";

    /// <summary>To the primaries who let the deadline pass; they may still acknowledge.</summary>
    public static Reply EscalatedToPrevious(ReportFacts facts, DateTimeOffset deadline, IReadOnlyList<Person> next) => Reply.Plain(
        $"Informasi: laporan {facts.Number} ({facts.Title}, Desa {facts.Desa}) belum diterima sampai {TextFormat.Time(deadline, facts.Zone)}, " +
        $"sehingga diteruskan kepada {People(next)}. Bapak/Ibu masih dapat menerimanya dengan membalas *TERIMA {TextFormat.ShortNumber(facts.Number)}*.");

    public static Reply EscalatedToKader(ReportFacts facts, DateTimeOffset deadline, IReadOnlyList<Person> next) => Reply.Plain(
        $"Laporan {facts.Number} belum diterima petugas sampai {TextFormat.Time(deadline, facts.Zone)}. " +
        $"Laporan diteruskan kepada {People(next)}. Terima kasih atas kesabaran Bapak/Ibu.");

    /// <summary>To the acknowledging official when the working days passed without SELESAI.</summary>
    public static Reply FollowUp(ReportFacts facts, Referral referral, int workingDays)
    {
        var accepted = referral.AcknowledgedAt is { } at ? $" (diterima {TextFormat.Time(at, facts.Zone)})" : "";
        return Reply.Plain(
            $"*Pengingat: laporan {facts.Number} belum selesai*\n" +
            $"{facts.Title}, Desa {facts.Desa}{accepted}. Sudah {workingDays} hari kerja sejak diterima.\n\n" +
            $"Setelah ditindaklanjuti, balas *SELESAI {TextFormat.ShortNumber(facts.Number)} <catatan>*.");
    }

    /// <summary>DAFTAR: one line per open referral (number, topic, desa, age, deadline).</summary>
    public static Reply OpenList(IReadOnlyList<OpenReferral> open, int limit)
    {
        if (open.Count == 0)
        {
            return Reply.Plain("Tidak ada laporan terbuka untuk Bapak/Ibu saat ini. Terima kasih.");
        }

        var text = new StringBuilder($"Laporan terbuka untuk Bapak/Ibu ({open.Count}):\n");
        foreach (var item in open.Take(limit))
        {
            text.Append("• ").Append(item.Number).Append(" — ").Append(item.Title).Append(", ").Append(item.Desa)
                .Append(", ").Append(Age(item.Age)).Append(", ");
            text.Append(item.Deadline is { } deadline ? $"terima sebelum {TextFormat.Time(deadline, item.Zone)}" : "sudah diterima, belum selesai");
            text.Append('\n');
        }

        if (open.Count > limit)
        {
            text.Append("… dan ").Append(open.Count - limit).Append(" laporan lainnya.\n");
        }

        text.Append("\nBalas *INFO <nomor>* untuk rinciannya.");
        return Reply.Plain(text.ToString());
    }

    /// <summary>"5 menit", "3 jam", "2 hari" ago.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)age.TotalMinutes)} menit lalu"),
        { TotalHours: < 24 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} jam lalu"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} hari lalu"),
    };

    private static string People(IReadOnlyList<Person> people) =>
        people.Count == 0 ? "petugas" : string.Join(", ", people.Select(TextFormat.Person));
}

/// <summary>One line of DAFTAR; <see cref="Deadline"/> is null once acknowledged.</summary>
internal sealed record OpenReferral(string Number, string Title, string Desa, TimeSpan Age, DateTimeOffset? Deadline, TimeZoneInfo Zone);
