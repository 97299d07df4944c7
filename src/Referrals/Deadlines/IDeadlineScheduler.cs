namespace Posyandu.Referrals.Deadlines;

/// <summary>Asks the worker pool (Hangfire in the host) to look at a referral's deadlines at the moment one is due.</summary>
public interface IDeadlineScheduler
{
    void ScheduleAt(long referralId, DateTimeOffset dueAt);
}
