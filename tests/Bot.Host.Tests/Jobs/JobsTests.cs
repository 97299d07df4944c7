using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Jobs;
using Posyandu.Bot.Host.Tests.Support;


namespace Posyandu.Bot.Host.Tests.Jobs;

/// <summary>Hangfire's wiring and the outbox hand-off: the minutely sweep, its run at start, deliveries now and later.</summary>
public sealed class JobsTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Fact]
    public async Task The_outbox_sweep_recurs_every_minute_and_runs_once_at_start()
    {
        var storage = _host.Services.GetRequiredService<JobStorage>();

        using (var connection = storage.GetConnection())
        {
            var sweep = Assert.Single(connection.GetRecurringJobs(), j => j.Id == OutboxSweepJob.RecurringId);
            Assert.Equal(Cron.Minutely(), sweep.Cron);
            Assert.Equal(typeof(OutboxSweepJob), sweep.Job.Type);
        }

        await Eventually.True(
            () => storage.GetMonitoringApi().SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(OutboxSweepJob)),
            "the sweep run at start");
    }

    [Fact]
    public async Task Deliveries_right_away_go_to_this_hosts_workers_and_later_tries_are_hangfire_jobs()
    {
        var storage = _host.Services.GetRequiredService<JobStorage>();
        await _host.LinkAsync(TelegramUser.Siti);
        Assert.DoesNotContain(storage.GetMonitoringApi().SucceededJobs(0, 100), j => j.Value.Job?.Type == typeof(OutboxDeliveryJob));

        // Telegram asks to wait a second: the next try is a delayed Hangfire job, and it delivers.
        _host.BotApi.FailNext("sendMessage", TelegramUser.Siti.ChatId, 429, retryAfter: 1);
        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.Text(TelegramUser.Siti, "menu"));
        Assert.NotEmpty(replies);
        await Eventually.True(
            () => storage.GetMonitoringApi().SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(OutboxDeliveryJob)), "the delayed job done");
        Assert.Equal(0, storage.GetMonitoringApi().FailedCount());
    }

    public void Dispose() => _host.Dispose();
}
