using Hangfire;
using Posyandu.Referrals.Deadlines;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// Schedules a referral's deadline job at the exact moment a step is due (a delay from the bot's clock, so a deadline of
/// seconds works as well as one of days). The job itself checks what is due, so an early or repeated run does nothing.
/// </summary>
internal sealed class HangfireDeadlineScheduler(IBackgroundJobClient jobs, TimeProvider time) : IDeadlineScheduler
{
    public void ScheduleAt(long referralId, DateTimeOffset dueAt)
    {
        var delay = dueAt - time.GetUtcNow();
        jobs.Schedule<ReferralDeadlineJob>(job => job.RunAsync(referralId, CancellationToken.None), delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }
}
