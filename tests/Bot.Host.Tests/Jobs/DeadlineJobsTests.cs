using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Posyandu.Bot.Host.Jobs;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Jobs;

/// <summary>
/// Referral deadlines through the running host: a Hangfire job is scheduled at the exact due moment, the job does the
/// reminder and the escalation (told on Telegram, kept on the API's timeline), a host started after a deadline escalates
/// once, and deadlines of seconds fire by themselves on the real clock.
/// </summary>
public sealed class DeadlineJobsTests
{
    /// <summary>Thursday 20 November 2025, 11:00 WITA.</summary>
    private static readonly DateTimeOffset Start = new(2025, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_deadline_job_is_scheduled_at_the_due_moment_and_reminds_then_escalates()
    {
        using var host = new TelegramTestHost { Clock = new FakeTimeProvider(Start) };
        var number = await RtlhJourney.ReportAsync(host, TelegramUser.Siti);
        await host.LinkAsync(TelegramUser.AbdulRahman);
        var id = await ReferralIdAsync(host);

        // Segera: the 12-hour mark (23:00 WITA) waits for the end of the quiet hours, 06:00 WITA.
        var reminderAt = new DateTimeOffset(2025, 11, 20, 22, 0, 0, TimeSpan.Zero);
        var scheduled = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
            .Select(j => j.Value).Where(j => j.Job?.Type == typeof(ReferralDeadlineJob) && Equals(j.Job.Args[0], id)).ToList();
        Assert.NotEmpty(scheduled);
        var expected = DateTime.UtcNow + (reminderAt - Start);
        Assert.All(scheduled, j => Assert.InRange(j.EnqueueAt, expected - TimeSpan.FromMinutes(2), expected + TimeSpan.FromMinutes(1)));

        var job = host.Services.GetRequiredService<ReferralDeadlineJob>();
        var before = host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Count;
        host.Clock!.SetUtcNow(reminderAt);
        await job.RunAsync(id, CancellationToken.None);
        var reminder = await host.RepliesAfterAsync(TelegramUser.AbdulRahman, before);
        Assert.Contains(reminder, m => m.Text.Contains("Pengingat", StringComparison.Ordinal) && m.InlineButtons.Any(b => b.Label == "Terima"));

        before = host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        host.Clock.SetUtcNow(new DateTimeOffset(2025, 11, 21, 3, 0, 0, TimeSpan.Zero));
        await job.RunAsync(id, CancellationToken.None);
        await job.RunAsync(id, CancellationToken.None);
        var told = await host.RepliesAfterAsync(TelegramUser.Siti, before);
        Assert.Single(told, m => m.Text.Contains("diteruskan kepada Muhammad Yusuf (Camat)", StringComparison.Ordinal));

        var referral = (await host.GetJsonAsync($"/api/reports/{number}"))["referral"]!;
        Assert.Equal(1, (int)referral["escalationLevel"]!);
        var timeline = referral["timeline"]!.AsArray();
        var escalated = Assert.Single(timeline, e => (string?)e!["kind"] == "DIESKALASI")!;
        Assert.Equal(("Muhammad Yusuf", "CAMAT"), ((string?)escalated["person"], (string?)escalated["peran"]));
        var created = timeline.First(e => (string?)e!["kind"] == "DIBUAT")!;
        Assert.Equal(("Siti Rahmah", "KADER", "telegram"), ((string?)created["person"], (string?)created["peran"], (string?)created["channel"]));
        Assert.Contains(timeline, e => (string?)e!["kind"] == "DIINGATKAN");
        host.AssertNoErrors();
    }

    [Fact]
    public async Task A_host_started_after_the_deadline_escalates_once()
    {
        var host = new TelegramTestHost { Clock = new FakeTimeProvider(Start) };
        try
        {
            var number = await RtlhJourney.ReportAsync(host, TelegramUser.Siti);
            host = host.Restart();
            host.Clock!.Advance(TimeSpan.FromDays(3));

            // The deadline sweep at start finds the passed deadline.
            await Eventually.True(() => EscalationsAsync(host, number).Result == 1, "the escalation at start");
            await host.Services.GetRequiredService<DeadlineSweepJob>().RunAsync(true, CancellationToken.None);
            await host.Services.GetRequiredService<ReferralDeadlineJob>().RunAsync(await ReferralIdAsync(host), CancellationToken.None);
            Assert.Equal(1, await EscalationsAsync(host, number));
            Assert.Single(host.BotApi.SentTo(TelegramUser.Siti.ChatId), m => m.Text.Contains("diteruskan kepada", StringComparison.Ordinal));
        }
        finally
        {
            host.Dispose();
        }
    }

    [Fact]
    public async Task Deadlines_of_seconds_fire_by_themselves()
    {
        using var host = new TelegramTestHost(new Dictionary<string, string?>
        {
            ["Referrals:Deadlines:Segera:Reminder"] = "00:00:01",
            ["Referrals:Deadlines:Segera:Acknowledge"] = "00:00:02",
            ["Reminders:QuietHours"] = "",
        });
        var number = await RtlhJourney.ReportAsync(host, TelegramUser.Siti);

        await Eventually.True(() => EscalationsAsync(host, number).Result >= 1, "the escalation two seconds after the alert", TimeSpan.FromSeconds(20));
        var timeline = (await host.GetJsonAsync($"/api/reports/{number}"))["referral"]!["timeline"]!.AsArray();
        Assert.Contains(timeline, e => (string?)e!["kind"] == "DIINGATKAN");
    }

    private static async Task<int> EscalationsAsync(TelegramTestHost host, string number)
    {
        var detail = await host.GetJsonAsync($"/api/reports/{number}");
        return detail["referral"]!["timeline"]!.AsArray().Count(e => (string?)e!["kind"] == "DIESKALASI" && (string?)e["person"] is not null);
    }

    private static async Task<long> ReferralIdAsync(TelegramTestHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        return await db.Referrals.Select(r => r.Id).SingleAsync();
    }
}
