using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Dashboard;

namespace Posyandu.Bot.Host.Web;

/// <summary>The monthly recap as a spreadsheet to take to the musyawarah desa: Excel (.xlsx) or CSV as Excel in Indonesia reads it.</summary>
public static class RecapExport
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static string FileName(RecapView recap, string extension)
    {
        ArgumentNullException.ThrowIfNull(recap);
        var area = new string(recap.AreaNama.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return $"rekap-{area}-{recap.Month}.{extension}";
    }

    /// <summary>One sheet: a title, a header (Desa, Posyandu, the six bidang, Jumlah), a row per Posyandu and a total row.</summary>
    public static byte[] Excel(RecapView recap)
    {
        ArgumentNullException.ThrowIfNull(recap);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Rekap");
        sheet.Cell(1, 1).SetValue($"Rekap laporan Posyandu {recap.AreaNama}, {DashboardFormat.Month(recap.Month)}");
        sheet.Cell(1, 1).Style.Font.Bold = true;

        var header = Header();
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Cell(3, c + 1).SetValue(header[c]);
        }

        sheet.Row(3).Style.Font.Bold = true;
        var row = 4;
        foreach (var line in recap.Rows)
        {
            Write(sheet, row++, line.Desa, line.Posyandu, line.PerBidang, line.Total);
        }

        Write(sheet, row, "Jumlah", "", recap.Totals, recap.Total);
        sheet.Row(row).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(3);
        // Widths by hand: measuring text would need GDI fonts, which servers do not have.
        sheet.Column(1).Width = 24;
        sheet.Column(2).Width = 28;
        for (var c = 3; c <= header.Count; c++)
        {
            sheet.Column(c).Width = 16;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Semicolon-separated with a byte-order mark: Excel set to Indonesian opens it in columns, with the names intact.</summary>
    public static byte[] Csv(RecapView recap)
    {
        ArgumentNullException.ThrowIfNull(recap);
        using var stream = new MemoryStream();
        // A name a spreadsheet would read as a formula (=, +, -, @ first) is escaped as text.
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, true))
        {
            csv.WriteRecord([.. Header()]);
            foreach (var line in recap.Rows)
            {
                csv.WriteRecord(Cells(line.Desa, line.Posyandu, line.PerBidang, line.Total));
            }

            csv.WriteRecord(Cells("Jumlah", "", recap.Totals, recap.Total));
        }

        return stream.ToArray();
    }

    private static List<string> Header() => ["Desa", "Posyandu", .. Bidang.All.Select(b => b.Name), "Jumlah"];

    private static void Write(IXLWorksheet sheet, int row, string desa, string posyandu, IReadOnlyDictionary<string, int> perBidang, int total)
    {
        // SetValue keeps names as text: a name starting with "=" must never become a formula.
        sheet.Cell(row, 1).SetValue(desa);
        sheet.Cell(row, 2).SetValue(posyandu);
        var column = 3;
        foreach (var bidang in Bidang.All)
        {
            sheet.Cell(row, column++).SetValue(perBidang.GetValueOrDefault(bidang.Code));
        }

        sheet.Cell(row, column).SetValue(total);
    }

    private static string[] Cells(string desa, string posyandu, IReadOnlyDictionary<string, int> perBidang, int total) =>
        [desa, posyandu, .. Bidang.All.Select(b => perBidang.GetValueOrDefault(b.Code).ToString(CultureInfo.InvariantCulture)), total.ToString(CultureInfo.InvariantCulture)];
}
