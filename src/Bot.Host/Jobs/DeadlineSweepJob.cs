using Hangfire;
using Posyandu.Referrals.Deadlines;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// Catches up on referral deadlines: at start it runs everything that fell due while the host was down and schedules the
/// rest (in-memory jobs do not survive a restart); every minute it runs anything due that a lost job left behind.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class DeadlineSweepJob(DeadlineRunner runner)
{
    public const string RecurringId = "deadline-sweep";

    public Task RunAsync(bool scheduleFuture, CancellationToken cancellationToken) => runner.SweepAsync(scheduleFuture, cancellationToken);
}
