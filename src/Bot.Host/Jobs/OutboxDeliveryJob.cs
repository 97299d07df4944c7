using Hangfire;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>The Hangfire job that sends one chat's due outbox messages.</summary>
/// <remarks>No Hangfire retries: the outbox keeps its own attempts and schedules the next try itself (honouring retry_after).</remarks>
[AutomaticRetry(Attempts = 0)]
internal sealed class OutboxDeliveryJob(OutboxDispatcher dispatcher)
{
    public Task RunAsync(string channel, string address, CancellationToken cancellationToken) =>
        dispatcher.DeliverAsync(channel, address, cancellationToken);
}
