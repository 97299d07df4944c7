using System.Text.Json;
using System.Text.Json.Serialization;
using Posyandu.Conversation;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.People;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

public class QueryTests
{
    private const string PhotoId = "0123456789abcdef0123456789abcdef.jpg";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_report_reads_back_in_full_with_its_referral_and_timeline()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync("1001", "0812-5123-4501");
        await RtlhWalk.SubmitAsync(host, "1001", PhotoId);
        await host.LinkAsync("2001", "0813-5111-0001");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.SayAsync("2001", "terima 1");

        var detail = await host.Get<ReportQueries>().GetAsync("pr-2511-0001", CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(("PR-2511-0001", "PR-RTLH", "Rumah tidak layak huni", "Perumahan Rakyat", Urgency.Segera), (detail.Number, detail.Topic, detail.Title, detail.BidangNama, detail.Urgency));
        Assert.Equal(new AreaView("64.02.01.2001", "Perian"), detail.Desa);
        Assert.Equal(new ReporterView("Siti Rahmah", "KADER", "+62812****4501"), detail.Reporter);
        Assert.Equal(("Posyandu Melati", RtlhWalk.Address, "003/004"), (detail.Posyandu, detail.Address, detail.RtRw));
        Assert.Equal(RtlhWalk.Pin.MapLink, detail.Location!.MapLink);
        Assert.Equal([PhotoId], detail.Photos);
        Assert.Contains(detail.Answers, a => a.Field == "nama_kk" && a.Display == "Budi Santoso");
        Assert.Contains(detail.Flags, f => f.Code == "sempit");
        Assert.Contains(detail.Values, v => v.Name == "kerusakan");

        var referral = detail.Referral!;
        Assert.Equal((ReferralStatus.Diterima, "Abdul Rahman", TestHost.Start.AddMinutes(5)), (referral.Status, referral.AcknowledgedBy, referral.AcknowledgedAt!.Value));
        Assert.Equal(["Abdul Rahman", "Yuliani", "Nurhayati"], referral.Recipients.Select(r => r.Nama));
        Assert.Equal(("Kepala Desa", RecipientKind.Primary), (referral.Recipients[0].PeranNama, referral.Recipients[0].Kind));
        Assert.Equal(RecipientKind.Copy, referral.Recipients[2].Kind);
        Assert.Equal([ReferralEventKind.Dibuat, ReferralEventKind.Dikirim, ReferralEventKind.Dikirim, ReferralEventKind.Dikirim, ReferralEventKind.Diterima], referral.Timeline.Select(t => t.Kind));

        // The API serialises it with System.Text.Json as is, enums by name (the API chooses their casing).
        var json = JsonSerializer.Serialize(detail, Web);
        Assert.Contains("\"number\":\"PR-2511-0001\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Diterima\"", json, StringComparison.Ordinal);
        Assert.Null(await host.Get<ReportQueries>().GetAsync("PR-2511-9999", CancellationToken.None));
        Assert.Null(await host.Get<ReportQueries>().GetAsync(" ", CancellationToken.None));
    }

    [Fact]
    public async Task The_list_filters_pages_and_leaves_confidential_reports_out()
    {
        await using var host = await TestHost.StartAsync();
        await AddReportAsync(host, "PR-2511-0001", "PR-RTLH", "+6281251234501", "64.02.01.2001", TestHost.Start, ReferralStatus.Terkirim);
        await AddReportAsync(host, "KS-2511-0001", "KS-BALITA", "+6281251234502", "64.02.01.2001", TestHost.Start.AddHours(1), ReferralStatus.Diterima);
        await AddReportAsync(host, "PR-2511-0002", "PR-RTLH", "+6281251234504", "64.02.01.2098", TestHost.Start.AddHours(2), ReferralStatus.Selesai);
        await AddReportAsync(host, "SO-2511-0001", "SO-KEKERASAN", "+6281251234501", "64.02.01.2001", TestHost.Start.AddHours(3), ReferralStatus.Terkirim, confidential: true);
        await AddReportAsync(host, "TR-2511-0001", "TR-KEAMANAN", "+6281251234503", "64.02.01.2001", TestHost.Start.AddHours(4), ReferralStatus.Terkirim, hideReporter: true);
        var queries = host.Get<ReportQueries>();

        async Task<string[]> ListAsync(ReportFilter filter) =>
            (await queries.ListAsync(filter, CancellationToken.None)).Items.Select(i => i.Number).ToArray();

        Assert.Equal(["TR-2511-0001", "PR-2511-0002", "KS-2511-0001", "PR-2511-0001"], await ListAsync(new ReportFilter()));
        Assert.Equal(["PR-2511-0002", "PR-2511-0001"], await ListAsync(new ReportFilter(Bidang: "pr")));
        Assert.Equal(["KS-2511-0001"], await ListAsync(new ReportFilter(Status: "diterima")));
        Assert.Equal(["PR-2511-0002"], await ListAsync(new ReportFilter(Desa: "Sukamaju")));
        Assert.Equal(["PR-2511-0002"], await ListAsync(new ReportFilter(Desa: "64.02.01.2098")));
        Assert.Equal(4, (await ListAsync(new ReportFilter(Desa: "64.02.01"))).Length);
        Assert.Equal(["TR-2511-0001", "PR-2511-0002"], await ListAsync(new ReportFilter(Since: TestHost.Start.AddHours(2))));
        Assert.Empty(await ListAsync(new ReportFilter(Bidang: "XX")));
        Assert.Empty(await ListAsync(new ReportFilter(Status: "hilang")));
        Assert.Empty(await ListAsync(new ReportFilter(Desa: "Atlantis")));

        var page = await queries.ListAsync(new ReportFilter(Page: 2, PageSize: 3), CancellationToken.None);
        Assert.Equal((2, 3, 4), (page.Page, page.PageSize, page.Total));
        Assert.Equal(["PR-2511-0001"], page.Items.Select(i => i.Number));
        // (page - 1) * size would overflow an int and wrap to page 1: a page far past the last is empty.
        var far = await queries.ListAsync(new ReportFilter(Page: 107374184), CancellationToken.None);
        Assert.Equal((107374184, 4), (far.Page, far.Total));
        Assert.Empty(far.Items);
        Assert.Empty(await ListAsync(new ReportFilter(Page: int.MaxValue, PageSize: ReportFilter.MaxPageSize)));

        var export = await queries.ExportAsync(new ReportFilter(Bidang: "PR", Page: 2, PageSize: 1), CancellationToken.None).ToListAsync();
        Assert.Equal(["PR-2511-0002", "PR-2511-0001"], export.Select(r => r.Number));
        Assert.Equal(("+62812****4501", "WITA", Urgency.Biasa), (export[1].ReporterPhone, export[1].TimeZone, export[1].Urgency));
        Assert.Equal(100, (await queries.ListAsync(new ReportFilter(PageSize: 5000), CancellationToken.None)).PageSize);
        Assert.Equal(20, (await queries.ListAsync(new ReportFilter(Page: -3, PageSize: 0), CancellationToken.None)).PageSize);

        var items = (await queries.ListAsync(new ReportFilter(), CancellationToken.None)).Items;
        Assert.Null(items.Single(i => i.Number == "TR-2511-0001").Reporter);
        var sukamaju = items.Single(i => i.Number == "PR-2511-0002");
        Assert.Equal(("Wahyuni", "Sukamaju", (ReferralStatus?)ReferralStatus.Selesai, Urgency.Biasa, "Rumah tidak layak huni"), (sukamaju.Reporter, sukamaju.Desa, sukamaju.Status, sukamaju.Urgency, sukamaju.Title));
    }

    [Fact]
    public async Task A_hidden_reporter_stays_hidden_in_the_detail()
    {
        await using var host = await TestHost.StartAsync();
        await AddReportAsync(host, "TR-2511-0001", "TR-KEAMANAN", "+6281251234503", "64.02.01.2001", TestHost.Start, ReferralStatus.Terkirim, hideReporter: true);

        var detail = await host.Get<ReportQueries>().GetAsync("TR-2511-0001", CancellationToken.None);
        Assert.Null(detail!.Reporter);
        Assert.True(detail.ReporterHidden);
        Assert.Empty(detail.Values); // an assessment column without lists reads as empty lists, never null
        Assert.Empty(detail.Flags);
        Assert.DoesNotContain("Rina", JsonSerializer.Serialize(detail, Web), StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_are_listed_by_area_with_their_desa_and_posyandu()
    {
        await using var host = await TestHost.StartAsync();
        var people = await host.Get<PeopleQueries>().ListAsync(CancellationToken.None);

        Assert.Equal(20, people.Count);
        Assert.Equal("64.02", people[0].KodeWilayah);
        var siti = people.Single(p => p.Nama == "Siti Rahmah");
        Assert.Equal(("KADER", "+6281251234501", "64.02.01.2001", "Perian", "Posyandu Melati"), (siti.Peran, siti.Phone, siti.KodeWilayah, siti.NamaWilayah, siti.Posyandu));
        var perian = people.Where(p => p.KodeWilayah == "64.02.01.2001").ToList();
        Assert.True(perian.FindIndex(p => p.Peran == "KADER") > perian.FindLastIndex(p => p.Peran != "KADER"), "officials first, then kader");
    }

    [Fact]
    public async Task Media_is_stored_under_a_random_id_and_ids_cannot_escape_the_folder()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var store = host.Get<MediaStore>();

        var id = await store.SaveAsync(new MemoryStream([1, 2, 3]), ".JPG", CancellationToken.None);
        Assert.Matches("^[a-f0-9]{32}\\.jpg$", id);
        await using (var read = store.OpenRead(id))
        {
            var buffer = new byte[8];
            Assert.Equal(3, await read.ReadAsync(buffer));
        }

        Assert.Equal(Path.Combine(host.Folder, "media", id), store.PathOf(id));
        Assert.Empty(Directory.GetFiles(Path.Combine(host.Folder, "media"), "*.part"));
        foreach (var bad in new[] { "../posyandu.db", "..\\x.jpg", "/etc/passwd", "abc.jpg", id.ToUpperInvariant(), id + "/x", "" })
        {
            Assert.Throws<ArgumentException>(() => store.PathOf(bad));
            Assert.False(MediaStore.IsValidId(bad));
        }

        Assert.Throws<FileNotFoundException>(() => store.OpenRead("ffffffffffffffffffffffffffffffff.jpg"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(new MemoryStream([1]), "../exe", CancellationToken.None));
    }

    private static async Task AddReportAsync(
        TestHost host, string number, string topic, string reporterPhone, string desa, DateTimeOffset at, ReferralStatus status,
        bool confidential = false, bool hideReporter = false)
    {
        var reporter = await host.PersonAsync(reporterPhone);
        await using var db = host.Db();
        var report = new Report
        {
            Number = number,
            Topic = topic,
            Bidang = number[..2],
            ReporterId = reporter.Id,
            DesaKode = desa,
            Channel = "telegram",
            SubmittedAt = at,
            Urgency = Urgency.Biasa,
            AnswersJson = "{}",
            LinesJson = "[]",
            AssessmentJson = "{}",
            PhotosJson = "[]",
            Confidential = confidential,
            HideReporter = hideReporter,
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        db.Referrals.Add(new Referral { ReportId = report.Id, Status = status, AckDeadline = at.AddHours(48) });
        await db.SaveChangesAsync();
    }
}
