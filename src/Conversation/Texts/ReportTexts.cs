using System.Text;
using Posyandu.Conversation.Dialog;

namespace Posyandu.Conversation.Texts;

/// <summary>What the kader is told once their report is stored; Referrals sends it with the report's number.</summary>
public static class ReportTexts
{
    /// <summary>
    /// "Terima kasih, laporan sudah terkirim. Nomor laporan: PR-2511-0042 …", with the form's notice (e.g. SAPA 129) when it
    /// has one. <paramref name="forwarded"/> says whether an official received it; when the roster has nobody for the desa,
    /// the kader is told so and where to go instead, not promised news that will not come.
    /// </summary>
    public static Reply Submitted(SubmittedForm report, string reportNumber, bool forwarded)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(reportNumber);
        var text = new StringBuilder("Terima kasih, laporan sudah terkirim.\n")
            .Append("Nomor laporan: *").Append(reportNumber).Append("*\n")
            .Append(report.Form.Title);
        if (!string.IsNullOrWhiteSpace(report.Address))
        {
            text.Append(", ").Append(report.Address);
        }

        text.Append(forwarded
            ? "\n\nLaporan sudah diteruskan ke petugas. Bapak/Ibu akan diberi kabar saat laporan diterima dan ditindaklanjuti."
            : "\n\nLaporan sudah tersimpan, tetapi belum ada petugas terdaftar untuk desa ini, sehingga belum dapat diteruskan. " +
              "Bila mendesak, mohon sampaikan langsung ke kantor desa atau petugas setempat.");
        if (report.Form.Notice is { } notice)
        {
            text.Append("\n\n").Append(notice);
        }

        text.Append("\n\nKetik *menu* untuk membuat laporan lain.");
        return new Reply(text.ToString(), [GlobalWords.Button(DialogTexts.ButtonMenu, GlobalWord.Menu)]);
    }
}
