using Hangfire;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>The recurring Hangfire job that re-enqueues every chat with due outbox messages, so a restart loses nothing.</summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class OutboxSweepJob(OutboxSweeper sweeper)
{
    public const string RecurringId = "outbox-sweep";

    public Task RunAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}
