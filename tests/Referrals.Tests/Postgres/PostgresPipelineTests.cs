using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Conversation.Parsing;
using Posyandu.Referrals.Intake;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.People;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests.Postgres;

/// <summary>The Referrals area on a real PostgreSQL server, each test on its own fresh database.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public class PostgresPipelineTests(PostgresServer server)
{
    private const string SitiChat = "1001";
    private const string SitiPhone = "0812-5123-4501";
    private const string PhotoId = "0123456789abcdef0123456789abcdef.jpg";

    [PostgresFact]
    public async Task Migrations_create_every_table_of_the_model()
    {
        await using var host = await StartAsync(demoRoster: false);
        await using var db = host.Db();

        Assert.IsType<PostgresPosyanduDb>(db);
        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync();
        var expected = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Equal(16, expected.Count);
        Assert.All(expected, t => Assert.Contains(t, tables));

        // Migrating again is a no-op.
        await DatabaseSetup.MigrateAsync(host.Services, CancellationToken.None);
    }

    [PostgresFact]
    public async Task The_demo_roster_imports()
    {
        await using var host = await StartAsync();

        var people = await host.Get<PeopleQueries>().ListAsync(CancellationToken.None);
        Assert.Equal(20, people.Count);
        var siti = people.Single(p => p.Nama == "Siti Rahmah");
        Assert.Equal(("KADER", "+6281251234501", "64.02.01.2001", "Perian", "Posyandu Melati"), (siti.Peran, siti.Phone, siti.KodeWilayah, siti.NamaWilayah, siti.Posyandu));

        // Importing the same file again changes nothing.
        var again = await host.ImportAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "roster-demo.csv")));
        Assert.Equal(0, again.Refused);
        await using var db = host.Db();
        Assert.Equal(20, await db.People.CountAsync());
    }

    [PostgresFact]
    public async Task A_full_rtlh_walk_stores_the_report_and_queues_the_alerts()
    {
        await using var host = await StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);

        var confirmation = await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);
        Assert.Contains("PR-2511-0001", confirmation.Text, StringComparison.Ordinal);

        await using var db = host.Db();
        var report = await db.Reports.Include(r => r.Referral).ThenInclude(f => f!.Recipients).SingleAsync();
        Assert.Equal(("PR-2511-0001", "PR-RTLH", "64.02.01.2001"), (report.Number, report.Topic, report.DesaKode));
        Assert.Equal(TestHost.Start, report.SubmittedAt);
        Assert.Equal((RtlhWalk.Pin.Latitude, RtlhWalk.Pin.Longitude), (report.Latitude!.Value, report.Longitude!.Value));
        Assert.Contains(PhotoId, report.PhotosJson, StringComparison.Ordinal);
        Assert.Contains("sempit", report.AssessmentJson, StringComparison.Ordinal);

        var referral = report.Referral!;
        Assert.Equal(ReferralStatus.Terkirim, referral.Status);
        Assert.Equal(TestHost.Start + TimeSpan.FromHours(24), referral.AckDeadline);
        Assert.Equal(3, referral.Recipients.Count);

        var alerts = await db.Outbox.Include(o => o.Person).Where(o => o.Kind == OutboxKind.Alert).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(["Abdul Rahman", "Yuliani", "Nurhayati"], alerts.Select(a => a.Person!.Nama));
        Assert.All(alerts, a => Assert.Equal(OutboxStatus.WaitingForChat, a.Status));
        Assert.Contains("PR-2511-0001", OutboxPayload.Deserialize(alerts[0].PayloadJson).Text, StringComparison.Ordinal);

        // The next report of the month takes the next number.
        Assert.Contains("PR-2511-0002", (await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId)).Text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Terima_by_the_kepala_desa_acknowledges_and_tells_the_kader()
    {
        await using var host = await StartAsync();
        await ReportAndLinkOfficialsAsync(host);
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        await host.SayAsync("2001", "terima 1");

        await using var db = host.Db();
        var referral = await db.Referrals.Include(r => r.AcknowledgedBy).Include(r => r.Events).SingleAsync();
        Assert.Equal(ReferralStatus.Diterima, referral.Status);
        Assert.Equal("Abdul Rahman", referral.AcknowledgedBy!.Nama);
        Assert.Equal(TestHost.Start.AddMinutes(5), referral.AcknowledgedAt);
        Assert.Contains(referral.Events, e => e.Kind == ReferralEventKind.Diterima);
        Assert.Equal("Laporan PR-2511-0001 telah diterima oleh Abdul Rahman (Kepala Desa). Terima kasih, Bapak/Ibu.", (await host.LastReplyAsync(SitiChat)).Text);

        await host.SendAsync("2001", Inbound.OfChoice(OfficialCommand.ButtonData(OfficialAction.Terima, "PR-2511-0001")));
        Assert.Contains("sudah Bapak/Ibu terima sebelumnya", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_duplicate_inbound_is_handled_once_even_at_the_same_time()
    {
        await using var host = await StartAsync();
        await host.LinkAsync(SitiChat, SitiPhone);
        var handler = host.Get<InboundHandler>();

        var envelope = new InboundEnvelope("telegram", SitiChat, "update-42", Inbound.OfChoice("m:PR"));
        Assert.Equal(InboundOutcome.Handled, await handler.HandleAsync(envelope, CancellationToken.None));
        var after = (await host.RepliesAsync(SitiChat)).Count;
        Assert.True(await handler.IsDuplicateAsync("telegram", "update-42", CancellationToken.None));
        Assert.Equal(InboundOutcome.Duplicate, await handler.HandleAsync(envelope, CancellationToken.None));
        Assert.Equal(after, (await host.RepliesAsync(SitiChat)).Count);

        var twice = new InboundEnvelope("telegram", SitiChat, "update-7", Inbound.OfChoice("m:PR"));
        var outcomes = await Task.WhenAll(handler.HandleAsync(twice, CancellationToken.None), handler.HandleAsync(twice, CancellationToken.None));
        Assert.Equal([InboundOutcome.Handled, InboundOutcome.Duplicate], outcomes.Order());
        await using var db = host.Db();
        Assert.Equal(1, await db.Inbound.CountAsync(i => i.PlatformMessageId == "update-7"));
    }

    [PostgresFact]
    public async Task Report_queries_list_with_filters_and_read_the_detail()
    {
        await using var host = await StartAsync();
        await ReportAndLinkOfficialsAsync(host);
        await host.SayAsync("2001", "terima 1");
        host.Clock.Advance(TimeSpan.FromHours(2));
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);
        var queries = host.Get<ReportQueries>();

        async Task<string[]> ListAsync(ReportFilter filter) =>
            (await queries.ListAsync(filter, CancellationToken.None)).Items.Select(i => i.Number).ToArray();

        Assert.Equal(["PR-2511-0002", "PR-2511-0001"], await ListAsync(new ReportFilter()));
        Assert.Equal(["PR-2511-0002", "PR-2511-0001"], await ListAsync(new ReportFilter(Bidang: "pr")));
        Assert.Equal(["PR-2511-0001"], await ListAsync(new ReportFilter(Status: "diterima")));
        Assert.Equal(["PR-2511-0002"], await ListAsync(new ReportFilter(Status: "terkirim")));
        Assert.Equal(2, (await ListAsync(new ReportFilter(Desa: "Perian"))).Length);
        Assert.Equal(2, (await ListAsync(new ReportFilter(Desa: "64.02.01"))).Length);
        Assert.Empty(await ListAsync(new ReportFilter(Desa: "Sukamaju")));
        Assert.Equal(["PR-2511-0002"], await ListAsync(new ReportFilter(Since: TestHost.Start.AddHours(1))));
        Assert.Empty(await ListAsync(new ReportFilter(Bidang: "KS")));
        var page = await queries.ListAsync(new ReportFilter(Page: 2, PageSize: 1), CancellationToken.None);
        Assert.Equal((2, 1, 2), (page.Page, page.PageSize, page.Total));
        Assert.Equal(["PR-2511-0001"], page.Items.Select(i => i.Number));

        var detail = await queries.GetAsync("pr-2511-0001", CancellationToken.None);
        Assert.NotNull(detail);
        Assert.Equal(("PR-2511-0001", "PR-RTLH", Urgency.Segera), (detail.Number, detail.Topic, detail.Urgency));
        Assert.Equal(new ReporterView("Siti Rahmah", "KADER", "+62812****4501"), detail.Reporter);
        Assert.Equal([PhotoId], detail.Photos);
        Assert.Contains(detail.Answers, a => a.Field == "nama_kk" && a.Display == "Budi Santoso");
        var referral = detail.Referral!;
        Assert.Equal((ReferralStatus.Diterima, "Abdul Rahman", TestHost.Start), (referral.Status, referral.AcknowledgedBy, referral.AcknowledgedAt!.Value));
        Assert.Equal([ReferralEventKind.Dibuat, ReferralEventKind.Dikirim, ReferralEventKind.Dikirim, ReferralEventKind.Dikirim, ReferralEventKind.Diterima], referral.Timeline.Select(t => t.Kind));
        Assert.Null(await queries.GetAsync("PR-2511-9999", CancellationToken.None));
    }

    private async Task<TestHost> StartAsync(bool demoRoster = true) =>
        await TestHost.StartAsync(demoRoster, new DatabaseOptions { Provider = DatabaseOptions.Postgres, ConnectionString = await server.CreateDatabaseAsync() });

    private static async Task ReportAndLinkOfficialsAsync(TestHost host)
    {
        await host.LinkAsync(SitiChat, SitiPhone);
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId);
        await host.LinkAsync("2001", "0813-5111-0001"); // Abdul Rahman, Kepala Desa
        await host.LinkAsync("2002", "0813-5111-0002"); // Yuliani, Kasi Kesra
        await host.LinkAsync("2008", "0813-5111-0008"); // Nurhayati, Ketua TP Posyandu (copy)
    }
}
