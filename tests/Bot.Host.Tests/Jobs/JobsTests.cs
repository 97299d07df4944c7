using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Jobs;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Tests.Jobs;

/// <summary>Hangfire's wiring: the minutely outbox sweep, its run at start, and outbox deliveries as jobs of this host.</summary>
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
    public async Task The_scheduler_enqueues_a_delivery_job_that_this_hosts_workers_run()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        var storage = _host.Services.GetRequiredService<JobStorage>();

        _host.Services.GetRequiredService<IOutboxScheduler>().DeliverSoon("telegram", "5123450001");

        await Eventually.True(
            () => storage.GetMonitoringApi().SucceededJobs(0, 100).Count(j => j.Value.Job?.Type == typeof(OutboxDeliveryJob)) >= 2,
            "the link's delivery and the one asked for");
        Assert.Equal(0, storage.GetMonitoringApi().FailedCount());
    }

    public void Dispose() => _host.Dispose();
}
