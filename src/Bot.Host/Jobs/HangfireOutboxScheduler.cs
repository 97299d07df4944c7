using Hangfire;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>Hands a chat's outbox to Hangfire: now (after a message was handled) or later (a retry honouring retry_after).</summary>
internal sealed class HangfireOutboxScheduler(IBackgroundJobClient jobs) : IOutboxScheduler
{
    public void DeliverSoon(string channel, string address) =>
        jobs.Enqueue<OutboxDeliveryJob>(job => job.RunAsync(channel, address, CancellationToken.None));

    public void DeliverLater(string channel, string address, TimeSpan delay) =>
        jobs.Schedule<OutboxDeliveryJob>(job => job.RunAsync(channel, address, CancellationToken.None), delay);
}
