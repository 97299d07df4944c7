using System.Text;
using Posyandu.Conversation.Dialog;

namespace Posyandu.Conversation.Texts;

/// <summary>What the kader is told once their report is stored; Referrals sends it with the report's number.</summary>
public static class ReportTexts
{
    /// <summary>"Terima kasih, laporan sudah terkirim. Nomor laporan: PR-2511-0042 …", with the form's notice (e.g. SAPA 129) when it has one.</summary>
    public static Reply Submitted(SubmittedForm report, string reportNumber)
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

        text.Append("\n\nLaporan sudah diteruskan ke petugas. Bapak/Ibu akan diberi kabar saat laporan diterima dan ditindaklanjuti.");
        if (report.Form.Notice is { } notice)
        {
            text.Append("\n\n").Append(notice);
        }

        text.Append("\n\nKetik *menu* untuk membuat laporan lain.");
        return new Reply(text.ToString(), [GlobalWords.Button(DialogTexts.ButtonMenu, GlobalWord.Menu)]);
    }
}
