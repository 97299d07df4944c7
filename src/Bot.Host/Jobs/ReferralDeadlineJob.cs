using Hangfire;
using Posyandu.Referrals.Deadlines;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>The delayed Hangfire job that does what is due on one referral (reminder, escalation, follow-up) and schedules the next step.</summary>
/// <remarks>A failed run is retried by Hangfire a few times; the minutely deadline sweep catches whatever is still due after that.</remarks>
[AutomaticRetry(Attempts = 3)]
internal sealed class ReferralDeadlineJob(DeadlineRunner runner)
{
    public Task RunAsync(long referralId, CancellationToken cancellationToken) => runner.RunAsync(referralId, cancellationToken);
}
