using System.Collections.Concurrent;
using Posyandu.Referrals.Deadlines;

namespace Posyandu.Referrals.Tests.Support;

/// <summary>Records which referral the code asked to look at, and when, instead of scheduling jobs.</summary>
public sealed class FakeDeadlineScheduler : IDeadlineScheduler
{
    public ConcurrentQueue<(long ReferralId, DateTimeOffset DueAt)> Scheduled { get; } = new();

    public void ScheduleAt(long referralId, DateTimeOffset dueAt) => Scheduled.Enqueue((referralId, dueAt));

    /// <summary>The latest moment asked for <paramref name="referralId"/>, if any.</summary>
    public DateTimeOffset? LastFor(long referralId) =>
        Scheduled.Where(s => s.ReferralId == referralId).Select(s => (DateTimeOffset?)s.DueAt).LastOrDefault();
}
