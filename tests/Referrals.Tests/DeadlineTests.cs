using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Conversation;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

/// <summary>
/// Referral deadlines on a real SQLite file with a fake clock: the reminder at the mark, the escalation at the deadline up
/// the routing table to the end of the chain, each level with a fresh deadline, exactly once, nothing after TERIMA, the
/// 5-working-day follow-up across a weekend, quiet hours, and catch-up after downtime.
/// </summary>
public sealed class DeadlineTests
{
    private const string SitiChat = "1001";
    private const string PhotoId = "0123456789abcdef0123456789abcdef.jpg";
    private static readonly TimeZoneInfo Wita = WilayahTimeZone.Wita;

    [Fact]
    public async Task A_segera_referral_is_reminded_at_the_mark_after_quiet_hours_then_escalates_level_by_level_to_the_end_of_the_chain()
    {
        await using var host = await StartAsync();
        var id = await ReferralIdAsync(host);
        var runner = host.Get<DeadlineRunner>();

        // Sent Thursday 11:00 WITA; the 12-hour mark is 23:00, in the quiet hours: it waits for 06:00.
        var reminderAt = Local(2025, 11, 21, 6, 0);
        var deadline = Local(2025, 11, 21, 11, 0);
        Assert.Equal(reminderAt, host.Deadlines.LastFor(id));

        host.Clock.SetUtcNow(reminderAt - TimeSpan.FromSeconds(1));
        await runner.RunAsync(id, CancellationToken.None);
        Assert.Empty(await TextsAsync(host, "2001", "Pengingat"));

        host.Clock.SetUtcNow(reminderAt);
        Assert.Equal(deadline, await runner.RunAsync(id, CancellationToken.None));
        await runner.RunAsync(id, CancellationToken.None);
        await host.Get<DeadlineRunner>().SweepAsync(scheduleFuture: true, CancellationToken.None);
        var reminder = Assert.Single(await TextsAsync(host, "2001", "Pengingat"));
        Assert.Contains("Mohon diterima sebelum 21 Nov 2025 11.00 WITA", reminder, StringComparison.Ordinal);
        Assert.Single(await TextsAsync(host, "2002", "Pengingat"));
        Assert.Empty(await TextsAsync(host, "2008", "Pengingat")); // a copy is not asked to acknowledge

        // Level 1: the Camat, with a fresh 24-hour deadline; the primaries and the kader are told.
        host.Clock.SetUtcNow(deadline);
        await runner.RunAsync(id, CancellationToken.None);
        await runner.RunAsync(id, CancellationToken.None);
        var camat = Assert.Single(await TextsAsync(host, "2010", "Eskalasi laporan"));
        Assert.Contains("belum diterima oleh Abdul Rahman (Kepala Desa), Yuliani (Kasi Kesejahteraan)", camat, StringComparison.Ordinal);
        Assert.Contains("Mohon diterima sebelum 22 Nov 2025 11.00 WITA", camat, StringComparison.Ordinal);
        Assert.Single(await TextsAsync(host, "2001", "diteruskan kepada Muhammad Yusuf (Camat)"));
        Assert.Single(await TextsAsync(host, SitiChat, "diteruskan kepada Muhammad Yusuf (Camat)"));
        var referral = await LoadAsync(host, id);
        Assert.Equal((1, deadline + TimeSpan.FromHours(24)), (referral.EscalationLevel, referral.AckDeadline));

        // Level 2: the DPMD (kabupaten); then the end of the chain: nothing more to send, the timeline says so.
        host.Clock.SetUtcNow(Local(2025, 11, 22, 11, 0));
        await runner.RunAsync(id, CancellationToken.None);
        Assert.Single(await TextsAsync(host, "2015", "Eskalasi laporan"));
        host.Clock.SetUtcNow(Local(2025, 11, 23, 11, 0));
        Assert.Null(await runner.RunAsync(id, CancellationToken.None));

        referral = await LoadAsync(host, id);
        Assert.Equal(2, referral.EscalationLevel);
        Assert.Equal(ReferralStatus.Terkirim, referral.Status);
        Assert.Null(DeadlinePlanner.NextDue(referral));
        Assert.Equal(3, referral.Events.Count(e => e.Kind == ReferralEventKind.Dieskalasi));
        Assert.Contains(referral.Events, e => e.Kind == ReferralEventKind.Dieskalasi && e.Note!.Contains("tidak ada tingkat berikutnya", StringComparison.Ordinal));

        // The escalated official acts with the same commands.
        await host.SayAsync("2015", "TERIMA 1");
        Assert.Equal(ReferralStatus.Diterima, (await LoadAsync(host, id)).Status);
    }

    [Fact]
    public async Task A_darurat_referral_ignores_quiet_hours_and_nothing_escalates_after_terima()
    {
        await using var host = await StartAsync(sentAt: Local(2025, 11, 20, 21, 0), overrides: new() { ["struktur"] = RtlhWalk.Option("hampir_roboh") });
        var id = await ReferralIdAsync(host);
        var runner = host.Get<DeadlineRunner>();
        var sent = Local(2025, 11, 20, 21, 0);
        Assert.Equal(sent + TimeSpan.FromMinutes(15), host.Deadlines.LastFor(id));

        host.Clock.SetUtcNow(sent + TimeSpan.FromMinutes(15));
        Assert.Equal(sent + TimeSpan.FromMinutes(30), await runner.RunAsync(id, CancellationToken.None));
        Assert.Single(await TextsAsync(host, "2001", "Pengingat"));

        await host.SayAsync("2002", "terima 1");
        host.Clock.SetUtcNow(sent + TimeSpan.FromMinutes(31));
        await runner.RunAsync(id, CancellationToken.None);
        await runner.SweepAsync(scheduleFuture: false, CancellationToken.None);

        Assert.Empty(await TextsAsync(host, "2010", "Eskalasi"));
        var referral = await LoadAsync(host, id);
        Assert.Equal((ReferralStatus.Diterima, 0), (referral.Status, referral.EscalationLevel));
        Assert.DoesNotContain(referral.Events, e => e.Kind == ReferralEventKind.Dieskalasi);
    }

    [Fact]
    public async Task Configured_service_levels_of_seconds_are_kept()
    {
        await using var host = await StartAsync(configure: o => o.Segera = new ServiceLevel { Reminder = TimeSpan.FromSeconds(5), Acknowledge = TimeSpan.FromSeconds(10) });
        var id = await ReferralIdAsync(host);
        var sent = TestHost.Start;
        Assert.Equal(sent + TimeSpan.FromSeconds(5), host.Deadlines.LastFor(id));

        host.Clock.SetUtcNow(sent + TimeSpan.FromSeconds(10));
        await host.Get<DeadlineRunner>().RunAsync(id, CancellationToken.None);
        Assert.Single(await TextsAsync(host, "2010", "Eskalasi laporan"));
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(5), host.Deadlines.LastFor(id));
    }

    [Fact]
    public async Task An_acknowledged_referral_gets_one_follow_up_after_five_working_days_across_the_weekend()
    {
        await using var host = await StartAsync();
        var id = await ReferralIdAsync(host);
        await host.SayAsync("2001", "TERIMA 1"); // Thursday 20 Nov, 11:00 WITA

        var followUp = Local(2025, 11, 27, 11, 0); // Fri, (Sat, Sun), Mon, Tue, Wed, Thu
        Assert.Equal(followUp, host.Deadlines.LastFor(id));
        var runner = host.Get<DeadlineRunner>();

        host.Clock.SetUtcNow(Local(2025, 11, 26, 11, 0));
        await runner.RunAsync(id, CancellationToken.None);
        Assert.Empty(await TextsAsync(host, "2001", "belum selesai"));

        host.Clock.SetUtcNow(followUp);
        Assert.Null(await runner.RunAsync(id, CancellationToken.None));
        host.Clock.SetUtcNow(followUp + TimeSpan.FromDays(3));
        await runner.RunAsync(id, CancellationToken.None);
        await runner.SweepAsync(scheduleFuture: true, CancellationToken.None);

        var text = Assert.Single(await TextsAsync(host, "2001", "belum selesai"));
        Assert.Contains("SELESAI 1", text, StringComparison.Ordinal);
        Assert.Empty(await TextsAsync(host, "2002", "belum selesai"));
    }

    [Fact]
    public async Task A_host_that_was_down_at_the_deadline_escalates_once_when_it_sweeps_at_start()
    {
        await using var host = await StartAsync();
        var id = await ReferralIdAsync(host);

        // Down for three days: both the reminder and the deadline passed. The sweep escalates once (no late reminder first).
        host.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await host.Get<DeadlineRunner>().SweepAsync(scheduleFuture: true, CancellationToken.None));
        Assert.Equal(0, await host.Get<DeadlineRunner>().SweepAsync(scheduleFuture: true, CancellationToken.None));

        Assert.Single(await TextsAsync(host, "2010", "Eskalasi laporan"));
        Assert.Empty(await TextsAsync(host, "2001", "Pengingat"));
        var referral = await LoadAsync(host, id);
        Assert.Equal(1, referral.EscalationLevel);
        Assert.Equal(host.Clock.GetUtcNow() + TimeSpan.FromHours(24), referral.AckDeadline);
        // The next step of the new level is scheduled again (a host with in-memory jobs lost them).
        Assert.Equal(DeadlinePlanner.NextDue(referral), host.Deadlines.LastFor(id));
    }

    [Fact]
    public async Task Tolak_by_every_level_runs_to_the_end_of_the_chain()
    {
        await using var host = await StartAsync();
        var id = await ReferralIdAsync(host);

        await host.SayAsync("2001", "TOLAK 1 bukan wilayah saya");
        await host.SayAsync("2002", "TOLAK 1 bukan bidang saya");
        Assert.Single(await TextsAsync(host, "2010", "Laporan diteruskan"));
        await host.SayAsync("2010", "TOLAK 1 urusan kabupaten");
        Assert.Single(await TextsAsync(host, "2015", "Laporan diteruskan"));
        await host.SayAsync("2015", "TOLAK 1 tidak dapat kami tangani");

        var referral = await LoadAsync(host, id);
        Assert.Equal(ReferralStatus.Ditolak, referral.Status);
        Assert.Equal(2, referral.EscalationLevel);
        Assert.Null(DeadlinePlanner.NextDue(referral));
        Assert.Equal(4, referral.Events.Count(e => e.Kind == ReferralEventKind.Ditolak));
        Assert.All(referral.Events.Where(e => e.Kind == ReferralEventKind.Ditolak), e => Assert.Equal("telegram", e.Channel));
    }

    [Fact]
    public async Task Daftar_lists_the_officials_open_referrals()
    {
        await using var host = await StartAsync();
        host.Clock.Advance(TimeSpan.FromHours(3));

        await host.SayAsync("2001", "DAFTAR");
        var list = (await host.LastReplyAsync("2001")).Text;
        Assert.Contains("• PR-2511-0001 — ", list, StringComparison.Ordinal);
        Assert.Contains(", Perian, 3 jam lalu, terima sebelum 21 Nov 2025 11.00 WITA", list, StringComparison.Ordinal);

        await host.SayAsync("2001", "terima 1");
        await host.SayAsync("2001", "daftar");
        Assert.Contains("sudah diterima, belum selesai", (await host.LastReplyAsync("2001")).Text, StringComparison.Ordinal);

        await host.SayAsync("2002", "daftar");
        Assert.Contains("Tidak ada laporan terbuka", (await host.LastReplyAsync("2002")).Text, StringComparison.Ordinal);
    }

    private static async Task<TestHost> StartAsync(DateTimeOffset? sentAt = null, Dictionary<string, object>? overrides = null, Action<DeadlineOptions>? configure = null)
    {
        var host = await TestHost.StartAsync(configure: services => services.Configure(configure ?? (_ => { })));
        if (sentAt is { } at)
        {
            host.Clock.SetUtcNow(at);
        }

        await host.LinkAsync(SitiChat, "0812-5123-4501");
        await RtlhWalk.SubmitAsync(host, SitiChat, PhotoId, overrides);
        await host.LinkAsync("2001", "0813-5111-0001"); // Abdul Rahman, Kepala Desa
        await host.LinkAsync("2002", "0813-5111-0002"); // Yuliani, Kasi Kesra
        await host.LinkAsync("2008", "0813-5111-0008"); // Nurhayati, Ketua TP Posyandu (copy)
        await host.LinkAsync("2010", "0813-5111-0010"); // Muhammad Yusuf, Camat
        await host.LinkAsync("2015", "0813-5111-0015"); // Arif Budiman, DPMD
        return host;
    }

    private static async Task<long> ReferralIdAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Referrals.Select(r => r.Id).SingleAsync();
    }

    private static async Task<Referral> LoadAsync(TestHost host, long id)
    {
        await using var db = host.Db();
        return await db.Referrals.Include(r => r.Events).AsSplitQuery().SingleAsync(r => r.Id == id);
    }

    private static async Task<List<string>> TextsAsync(TestHost host, string chat, string containing) =>
        [.. (await host.RepliesAsync(chat)).Select(r => r.Text).Where(t => t.Contains(containing, StringComparison.Ordinal))];

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, Wita.BaseUtcOffset).ToUniversalTime();
}
