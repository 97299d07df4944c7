using System.Text;
using Posyandu.Conversation;
using Posyandu.Conversation.Parsing;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Texts;

/// <summary>The alerts, notices and answers of the referral workflow, in Bahasa Indonesia.</summary>
internal static class ReferralTexts
{
    /// <summary>
    /// The alert to an official: what, where, how urgent, the derived findings, the first photo; a primary recipient gets
    /// the Terima button, a copy is told it is for information. The kader's answers come with INFO (<paramref name="withAnswers"/>),
    /// so that an alert fits a Telegram photo caption and arrives as one message with its button.
    /// </summary>
    public static Reply Alert(ReportFacts facts, RecipientKind kind, Referral referral, string? heading = null, string? reason = null, bool withAnswers = false)
    {
        if (facts.Confidential && kind == RecipientKind.Copy)
        {
            return ConfidentialCopy(facts);
        }

        var text = new StringBuilder();
        text.Append('*').Append(heading ?? "Laporan baru").Append(' ').Append(facts.Number).Append("*\n");
        text.Append(facts.Title).Append(" (").Append(facts.BidangNama).Append(")\n");
        text.Append("Urgensi: *").Append(TextFormat.Urgency(facts.Urgency)).Append("*\n");
        text.Append("Desa: ").Append(facts.Desa).Append('\n');
        text.Append("Pelapor: ").Append(facts.Reporter ?? "dirahasiakan").Append('\n');
        if (facts.Address is not null)
        {
            text.Append("Alamat: ").Append(facts.Address).Append('\n');
        }

        if (facts.RtRw is not null)
        {
            text.Append("RT/RW: ").Append(facts.RtRw).Append('\n');
        }

        if (facts.Location is not null)
        {
            text.Append("Peta: ").Append(facts.Location.MapLink).Append('\n');
        }

        if (facts.Assessment.Flags.Count > 0 || facts.Assessment.Values.Count > 0)
        {
            text.Append("\nTemuan:\n");
            foreach (var value in facts.Assessment.Values)
            {
                text.Append("• ").Append(value.Label).Append(": ").Append(value.Display).Append('\n');
            }

            foreach (var flag in facts.Assessment.Flags)
            {
                text.Append("• ").Append(flag.Label).Append('\n');
            }
        }

        var shortNumber = TextFormat.ShortNumber(facts.Number);
        if (!withAnswers)
        {
            text.Append("\nSemua jawaban kader: balas *INFO ").Append(shortNumber).Append("*.\n");
        }
        else if (facts.Lines.Count > 0)
        {
            text.Append("\nJawaban kader:\n");
            foreach (var line in facts.Lines)
            {
                text.Append("• ").Append(line.Label).Append(": ").Append(line.Display).Append('\n');
            }
        }

        if (reason is not null)
        {
            text.Append("\nDikirim kepada Bapak/Ibu karena: ").Append(reason).Append('\n');
        }

        text.Append('\n');
        if (kind == RecipientKind.Copy)
        {
            text.Append("(Tembusan untuk diketahui Bapak/Ibu; tidak perlu dibalas.)");
            return new Reply(text.ToString(), [], PhotoId: facts.FirstPhoto);
        }

        if (referral.Status is ReferralStatus.Terkirim)
        {
            text.Append("Mohon diterima sebelum ").Append(TextFormat.Time(referral.AckDeadline, facts.Zone))
                .Append(": balas *TERIMA ").Append(shortNumber).Append("* atau tekan tombol *Terima*. ")
                .Append("Bila bukan wilayah Bapak/Ibu, balas *TOLAK ").Append(shortNumber).Append(" <alasan>*.");
            return new Reply(text.ToString(), [new Button("Terima", OfficialCommand.ButtonData(OfficialAction.Terima, facts.Number))], PhotoId: facts.FirstPhoto);
        }

        text.Append("Status: ").Append(TextFormat.Status(referral.Status)).Append('.');
        if (referral.Status is ReferralStatus.Diterima)
        {
            text.Append(" Setelah ditindaklanjuti, balas *SELESAI ").Append(shortNumber).Append(" <catatan>*.");
        }

        return new Reply(text.ToString(), [], PhotoId: facts.FirstPhoto);
    }

    /// <summary>
    /// A copy of a confidential report (SO-KEKERASAN to the Kepala Desa): that it exists in the desa, its number, urgency
    /// and who handles it, and nothing about the victim or the reporter: no topic title, answers, address, map or photo.
    /// </summary>
    public static Reply ConfidentialCopy(ReportFacts facts)
    {
        var text = new StringBuilder();
        text.Append("*Laporan rahasia ").Append(facts.Number).Append("*\n");
        text.Append("Ada laporan rahasia dari Desa ").Append(facts.Desa).Append(".\n");
        text.Append("Urgensi: *").Append(TextFormat.Urgency(facts.Urgency)).Append("*\n");
        text.Append("Laporan ini ditangani oleh ").Append(facts.Handlers ?? "petugas perlindungan")
            .Append("; rinciannya hanya untuk petugas tersebut demi melindungi korban.\n\n");
        text.Append("(Tembusan untuk diketahui Bapak/Ibu; tidak perlu dibalas.)");
        return Reply.Plain(text.ToString());
    }

    public static Reply AcceptedToKader(string number, Person official) =>
        Reply.Plain($"Laporan {number} telah diterima oleh {TextFormat.Person(official)}. Terima kasih, Bapak/Ibu.");

    public static Reply AcceptedToOfficial(string number) => Reply.Plain(
        $"Terima kasih. Laporan {number} tercatat Bapak/Ibu terima; kader pelapor sudah diberi tahu. " +
        $"Setelah ditindaklanjuti, balas *SELESAI {TextFormat.ShortNumber(number)} <catatan>*.");

    public static Reply AcceptedToOthers(string number, Person official) =>
        Reply.Plain($"Informasi: laporan {number} sudah diterima oleh {TextFormat.Person(official)}.");

    public static Reply ClosedToKader(string number, Person official, string note) =>
        Reply.Plain($"Laporan {number} telah selesai ditindaklanjuti oleh {TextFormat.Person(official)}.\nCatatan: {note}\nTerima kasih atas laporan Bapak/Ibu.");

    public static Reply ClosedToOfficial(string number) =>
        Reply.Plain($"Terima kasih. Laporan {number} tercatat selesai; kader pelapor sudah diberi tahu.");

    public static Reply ClosedToOthers(string number, Person official, string note) =>
        Reply.Plain($"Informasi: laporan {number} sudah diselesaikan oleh {TextFormat.Person(official)}. Catatan: {note}");

    public static Reply RejectedToKader(string number, Person official, string reason, IReadOnlyList<Person> next, IReadOnlyList<Person> remaining)
    {
        var text = $"Laporan {number} tidak dapat ditangani oleh {TextFormat.Person(official)}. Alasan: {reason}.";
        text += next.Count > 0 ? $"\nLaporan diteruskan kepada {People(next)}."
            : remaining.Count > 0 ? $"\nLaporan tetap ditangani oleh {People(remaining)}."
            : "\nTidak ada petugas lain di daftar yang dapat menerimanya, sehingga laporan ini ditutup. " +
              "Bila masih perlu ditangani, mohon sampaikan langsung ke kantor desa atau petugas setempat.";
        return Reply.Plain(text);
    }

    public static Reply RejectedToOfficial(string number, IReadOnlyList<Person> next, IReadOnlyList<Person> remaining)
    {
        var text = $"Baik, penolakan laporan {number} sudah dicatat.";
        text += next.Count > 0 ? $" Laporan diteruskan kepada {People(next)}."
            : remaining.Count > 0 ? $" Laporan tetap ditangani oleh {People(remaining)}."
            : " Tidak ada petugas lain untuk laporan ini, sehingga laporan ditutup; kader pelapor sudah diberi tahu.";
        return Reply.Plain(text);
    }

    public static Reply AlreadyAcceptedBySelf(string number) => Reply.Plain(
        $"Laporan {number} sudah Bapak/Ibu terima sebelumnya. Setelah ditindaklanjuti, balas *SELESAI {TextFormat.ShortNumber(number)} <catatan>*.");

    public static Reply AlreadyAcceptedByOther(string number, Person official) =>
        Reply.Plain($"Laporan {number} sudah diterima oleh {TextFormat.Person(official)}. Terima kasih, Bapak/Ibu.");

    public static Reply AlreadyClosed(string number, ReferralStatus status, DateTimeOffset? closedAt, TimeZoneInfo zone) => Reply.Plain(
        $"Laporan {number} sudah ditutup ({TextFormat.Status(status)}{(closedAt is { } at ? $", {TextFormat.Time(at, zone)}" : "")}). " +
        "Tidak ada yang perlu dilakukan lagi. Terima kasih, Bapak/Ibu.");

    public static Reply CopyOnly(string number) => Reply.Plain(
        $"Maaf, laporan {number} dikirim kepada Bapak/Ibu sebagai tembusan (untuk diketahui). Yang dapat menerima, menolak " +
        $"atau menutupnya adalah penerima utama. Untuk melihat rinciannya, balas *INFO {TextFormat.ShortNumber(number)}*.");

    public static Reply NotFound(string reference) => Reply.Plain(
        $"Maaf, tidak ada laporan nomor {reference} yang dikirim kepada Bapak/Ibu. Mohon periksa kembali nomornya.");

    public static Reply MissingReference(OfficialAction action) => Reply.Plain(
        $"Mohon sebutkan nomor laporannya, misalnya *{Example(action)}*.");

    public static Reply MissingNote(OfficialAction action, string number) => Reply.Plain(action == OfficialAction.Tolak
        ? $"Mohon tuliskan alasannya, misalnya *TOLAK {TextFormat.ShortNumber(number)} bukan wilayah saya*."
        : $"Mohon tuliskan catatan tindak lanjutnya, misalnya *SELESAI {TextFormat.ShortNumber(number)} sudah disurvei, diusulkan BSPS*.");

    public static Reply Ambiguous(OfficialCommand command, IReadOnlyList<(string Number, string Title, string Desa, ReferralStatus Status)> matches)
    {
        var text = new StringBuilder($"Ada {matches.Count} laporan bernomor {command.Reference} untuk Bapak/Ibu:\n");
        foreach (var match in matches)
        {
            text.Append("• ").Append(match.Number).Append(" — ").Append(match.Title).Append(", ").Append(match.Desa)
                .Append(" (").Append(TextFormat.Status(match.Status)).Append(")\n");
        }

        var word = command.Action.ToString().ToUpperInvariant();
        text.Append("Mohon ulangi dengan nomor lengkap, misalnya *").Append(word).Append(' ').Append(matches[0].Number)
            .Append(command.Note is null ? "" : " " + command.Note).Append("*.");

        // Buttons only where no note is needed: a button cannot carry the catatan or alasan.
        var buttons = command.Action is OfficialAction.Terima or OfficialAction.Info
            ? matches.Take(10).Select(m => new Button($"{command.Action} {m.Number}", OfficialCommand.ButtonData(command.Action, m.Number))).ToList()
            : [];
        return new Reply(text.ToString(), buttons);
    }

    private static string Example(OfficialAction action) => action switch
    {
        OfficialAction.Selesai => "SELESAI 42 sudah disurvei",
        OfficialAction.Tolak => "TOLAK 42 bukan wilayah saya",
        OfficialAction.Info => "INFO 42",
        _ => "TERIMA 42",
    };

    private static string People(IReadOnlyList<Person> people) => string.Join(", ", people.Select(TextFormat.Person));
}
