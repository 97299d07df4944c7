using System.Net;
using System.Text;
using Posyandu.Bot.Host.Api;
using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary><c>GET /api/reports.csv</c>: the list's filters, UTF-8 with a BOM, fixed columns, the one casing, no formula runs.</summary>
[Collection(ReportedHostDefinition.Name)]
public sealed class ReportsCsvTests(ReportedHost reported)
{
    private const string Header = "number,bidang,topic,title,desaKode,desa,posyandu,submittedAtLocal,timeZone,submittedAt,urgency,status,channel,reporter,reporterPhone,reporterHidden,flags";

    [Fact]
    public async Task One_row_per_report_with_a_bom_and_a_fixed_header()
    {
        using var response = await reported.Host.GetApiAsync("/api/reports.csv?bidang=pr");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{reported.Number},PR,PR-RTLH,", row, StringComparison.Ordinal);
        Assert.True(row.Contains(",SEGERA,TERKIRIM,telegram,Siti Rahmah,\"'+62812****4501\",false,", StringComparison.Ordinal), row);
        Assert.Contains("WITA", row, StringComparison.Ordinal);
        Assert.DoesNotContain("6281251234501", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filters_apply()
    {
        using var response = await reported.Host.GetApiAsync("/api/reports.csv?status=selesai");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Header, text.Trim('\uFEFF', '\r', '\n'));
    }

    [Fact]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_is_escaped()
    {
        var row = new ReportExportRow(
            "PR-2511-0001", "PR-RTLH", "=1+2", "PR", "64.02.01.2001", "@SUM(A1)", "+62 Posyandu", DateTimeOffset.UnixEpoch,
            DateTime.UnixEpoch, "WITA", Urgency.Darurat, null, "telegram", "-2+3", null, false, ["sempit"]);
        using var stream = new MemoryStream();

        await ReportsCsv.WriteAsync(Rows(row), stream, CancellationToken.None);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("'=1+2", text, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", text, StringComparison.Ordinal);
        Assert.Contains("'+62 Posyandu", text, StringComparison.Ordinal);
        Assert.Contains("'-2+3", text, StringComparison.Ordinal);
        Assert.Contains(",DARURAT,", text, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<ReportExportRow> Rows(ReportExportRow row)
    {
        await Task.Yield();
        yield return row;
    }
}
