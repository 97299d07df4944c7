using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Dashboard;

/// <summary>
/// What each official sees, checked by trying to cross every boundary by URL: another desa, another kecamatan, another
/// kabupaten, a confidential report (as a copy recipient and as nobody), photos, actions and exports.
/// </summary>
public sealed class ScopeTests(ScopeFixture data) : IClassFixture<ScopeFixture>
{
    [Fact]
    public async Task A_desa_official_sees_their_desa_and_nothing_of_another_desa()
    {
        var list = await data.KadesPerian.GetPageAsync("/dashboard/laporan");
        Assert.Contains(data.PerianRtlh, list, StringComparison.Ordinal);
        Assert.DoesNotContain(data.SukamajuRtlh, list, StringComparison.Ordinal);
        Assert.DoesNotContain(data.LampanahRtlh, list, StringComparison.Ordinal);
        Assert.DoesNotContain(data.TanjungRtlh, list, StringComparison.Ordinal);

        var own = await data.KadesPerian.GetPageAsync($"/dashboard/laporan/{data.PerianRtlh}");
        Assert.Contains("Budi Santoso", own, StringComparison.Ordinal);
        Assert.Contains("Atap rusak berat", own, StringComparison.Ordinal);

        foreach (var other in new[] { data.SukamajuRtlh, data.LampanahRtlh, data.TanjungRtlh, "PR-2511-9999" })
        {
            using var response = await data.KadesPerian.GetAsync($"/dashboard/laporan/{other}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Budi Santoso", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Filtering by another desa's code by hand shows nothing either.
        var filtered = await data.KadesPerian.GetPageAsync("/dashboard/laporan?desa=64.02.01.2098");
        Assert.DoesNotContain(data.SukamajuRtlh, filtered, StringComparison.Ordinal);

        // A page number far past the end is an empty page, never page 1 again (the offset must not wrap round).
        foreach (var hal in new[] { "107374184", "2147483647" })
        {
            using var far = await data.KadesPerian.GetAsync($"/dashboard/laporan?hal={hal}");
            Assert.Equal(HttpStatusCode.OK, far.StatusCode);
            Assert.DoesNotContain(data.PerianRtlh, await far.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Photos_are_served_only_with_a_report_the_viewer_sees_in_full()
    {
        using var own = await data.KadesPerian.GetAsync($"/dashboard/laporan/{data.PerianRtlh}?handler=Foto&id={data.PerianPhoto}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType?.MediaType);

        using var other = await data.KadesPerian.GetAsync($"/dashboard/laporan/{data.SukamajuRtlh}?handler=Foto&id={data.SukamajuPhoto}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        // Another report's photo under one's own report number is refused too.
        using var swapped = await data.KadesPerian.GetAsync($"/dashboard/laporan/{data.PerianRtlh}?handler=Foto&id={data.SukamajuPhoto}");
        Assert.Equal(HttpStatusCode.NotFound, swapped.StatusCode);
    }

    [Fact]
    public async Task A_camat_sees_the_kecamatan_and_the_dpmd_the_kabupaten_but_no_further()
    {
        var camat = await data.CamatMuaraMuntai.GetPageAsync("/dashboard/laporan");
        Assert.Contains(data.PerianRtlh, camat, StringComparison.Ordinal);
        Assert.Contains(data.SukamajuRtlh, camat, StringComparison.Ordinal);
        Assert.DoesNotContain(data.LampanahRtlh, camat, StringComparison.Ordinal);
        using (var otherKecamatan = await data.CamatMuaraMuntai.GetAsync($"/dashboard/laporan/{data.LampanahRtlh}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherKecamatan.StatusCode);
        }

        var dpmd = await data.DpmdKutai.GetPageAsync("/dashboard/laporan");
        Assert.Contains(data.LampanahRtlh, dpmd, StringComparison.Ordinal);
        Assert.DoesNotContain(data.TanjungRtlh, dpmd, StringComparison.Ordinal);
        using var otherKabupaten = await data.DpmdKutai.GetAsync($"/dashboard/laporan/{data.TanjungRtlh}");
        Assert.Equal(HttpStatusCode.NotFound, otherKabupaten.StatusCode);
    }

    [Fact]
    public async Task A_confidential_report_is_whole_for_its_handler_sealed_for_its_copy_and_hidden_from_everyone_else()
    {
        var handler = await data.Uptd.GetPageAsync($"/dashboard/laporan/{data.PerianConfidential}");
        Assert.Contains("Mawar Rahasia", handler, StringComparison.Ordinal);
        Assert.Contains("handler=Terima", handler, StringComparison.Ordinal);

        // The Kepala Desa got the chat copy: that it exists, its number and urgency, and who handles it; nothing else.
        var copy = await data.KadesPerian.GetPageAsync($"/dashboard/laporan/{data.PerianConfidential}");
        Assert.Contains("Laporan rahasia", copy, StringComparison.Ordinal);
        Assert.Contains("UPTD PPA", copy, StringComparison.Ordinal);
        foreach (var secret in new[] { "Mawar Rahasia", "Jl. Rahasia", "Kekerasan", "Rina Marlina", "handler=Terima", "handler=Foto" })
        {
            Assert.DoesNotContain(secret, copy, StringComparison.OrdinalIgnoreCase);
        }

        var copyList = await data.KadesPerian.GetPageAsync("/dashboard/laporan");
        Assert.Contains(data.PerianConfidential, copyList, StringComparison.Ordinal);
        Assert.DoesNotContain("Kekerasan", copyList, StringComparison.OrdinalIgnoreCase);
        // A status filter cannot reveal the status of a sealed copy.
        Assert.DoesNotContain(data.PerianConfidential, await data.KadesPerian.GetPageAsync("/dashboard/laporan?status=Terkirim"), StringComparison.Ordinal);

        foreach (var outsider in new[] { data.CamatMuaraMuntai, data.DpmdKutai, data.KadesOfSukamaju })
        {
            using var response = await outsider.GetAsync($"/dashboard/laporan/{data.PerianConfidential}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(data.PerianConfidential, await outsider.GetPageAsync("/dashboard/laporan"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Actions_outside_the_viewers_scope_or_role_change_nothing()
    {
        // Another desa's Kepala Desa posts Terima to Perian's report by URL: not found, nothing changes.
        using (var foreign = await data.KadesOfSukamaju.PostFormAsync($"/dashboard/laporan/{data.PerianRtlh}?handler=Terima", [], formPage: "/dashboard/ringkasan"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        // The copy recipient of a confidential report cannot act on it either; the chat's rule answers.
        using (var copy = await data.KadesPerian.PostFormAsync($"/dashboard/laporan/{data.PerianConfidential}?handler=Terima", [], formPage: "/dashboard/ringkasan"))
        {
            Assert.Equal(HttpStatusCode.Redirect, copy.StatusCode);
        }

        var notice = await data.KadesPerian.GetPageAsync($"/dashboard/laporan/{data.PerianConfidential}");
        Assert.Contains("tembusan", notice, StringComparison.Ordinal);

        await using var db = await data.DbAsync();
        var statuses = await db.Referrals.Where(r => r.Report!.Number == data.PerianRtlh || r.Report.Number == data.PerianConfidential)
            .Select(r => r.Status).ToListAsync();
        Assert.All(statuses, s => Assert.Equal(ReferralStatus.Terkirim, s));
    }

    [Fact]
    public async Task The_excel_recap_of_a_camat_counts_the_kecamatans_reports_and_totals_them()
    {
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Referrals.Roster.WilayahTimeZone.Wita).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await data.CamatMuaraMuntai.GetAsync($"/dashboard/rekap?handler=Excel&bulan={month}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("Rekap");
        Assert.Equal("Desa", sheet.Cell(3, 1).GetString());
        var last = sheet.LastRowUsed().RowNumber();
        Assert.Equal("Jumlah", sheet.Cell(last, 1).GetString());
        var rows = Enumerable.Range(4, last - 4).ToList();
        // Posyandu Melati (Perian) and Posyandu Mawar (Sukamaju); Lampanah and Tanjung are outside the kecamatan.
        Assert.Contains(rows, r => sheet.Cell(r, 2).GetString() == "Posyandu Melati");
        Assert.DoesNotContain(rows, r => sheet.Cell(r, 2).GetString() is "Posyandu Anggrek" or "Posyandu Dahlia");
        for (var column = 3; column <= 9; column++)
        {
            Assert.Equal(rows.Sum(r => sheet.Cell(r, column).GetValue<int>()), sheet.Cell(last, column).GetValue<int>());
        }

        // Perumahan Rakyat: the two RTLH reports of Perian and Sukamaju; the confidential one is not the camat's.
        Assert.Equal(2, sheet.Cell(last, 6).GetValue<int>());
        Assert.Equal(2, sheet.Cell(last, 9).GetValue<int>());

        using var csv = await data.CamatMuaraMuntai.GetAsync($"/dashboard/rekap?handler=Csv&bulan={month}");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Desa;Posyandu;Kesehatan", text, StringComparison.Ordinal);
        Assert.Contains("Jumlah;;0;0;0;2;0;0;2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_dpmd_uploads_the_roster_and_only_for_its_kabupaten()
    {
        using (var kades = await data.KadesPerian.PostFormAsync("/dashboard/roster", [], formPage: "/dashboard/ringkasan"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, kades.StatusCode);
        }

        var page = await data.DpmdKutai.GetPageAsync("/dashboard/roster");
        Assert.Contains("Unggah roster", page, StringComparison.Ordinal);
        Assert.Contains("Celah rute", page, StringComparison.Ordinal);

        const string csv = "peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang\n" +
            "KADER,Kader Baru,0812-5123-4599,64.02.01.2098,Sukamaju,Posyandu Mawar,5,\n" +
            "KADES,Penyusup,0813-5111-0099,64.03.01.2001,Tanjung,,,\n";
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Token(page)), "__af");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "berkas", "roster.csv");
        using var response = await data.DpmdKutai.Http.PostAsync("/dashboard/roster", form);
        var result = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 ditambahkan", result, StringComparison.Ordinal);
        Assert.Contains("di luar wilayah", result, StringComparison.Ordinal);
        await using var db = await data.DbAsync();
        Assert.False(await db.People.AnyAsync(p => p.Phone == "+6281351110099"));
        Assert.True(await db.People.AnyAsync(p => p.Phone == "+6281251234599"));
    }

    private static string Token(string html) => System.Net.WebUtility.HtmlDecode(
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
}
