using Microsoft.Extensions.Options;
using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reminders;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Deadlines;

/// <summary>
/// Sets a referral's due moments from the service levels: the reminder mark and the deadline when it is sent (or
/// escalated), the 5-working-day follow-up when it is acknowledged, none once closed. Darurat ignores quiet hours; the
/// rest wait for their end, in the desa's time zone.
/// </summary>
public sealed class DeadlinePlanner(IOptions<DeadlineOptions> deadlines, IOptions<ReminderOptions> reminders)
{
    /// <summary>A fresh deadline for the referral's current recipients, from <paramref name="now"/>.</summary>
    public void Start(Referral referral, Report report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(report);
        var level = deadlines.Value.For(report.Urgency);
        referral.AckDeadline = now + level.Acknowledge;
        referral.ReminderAt = Defer(now + level.Reminder, report);
        referral.EscalateAt = Defer(referral.AckDeadline, report);
        referral.FollowUpAt = null;
    }

    /// <summary>Acknowledged: no reminder or escalation any more; one follow-up after the working days.</summary>
    public void Acknowledged(Referral referral, Report report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(report);
        referral.ReminderAt = null;
        referral.EscalateAt = null;
        referral.FollowUpAt = Defer(WorkingDays.Add(now, deadlines.Value.FollowUpWorkingDays, WilayahTimeZone.For(report.DesaKode)), report);
    }

    /// <summary>Closed, or nobody left to escalate to: nothing more is due.</summary>
    public static void Stop(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        referral.ReminderAt = null;
        referral.EscalateAt = null;
        referral.FollowUpAt = null;
    }

    /// <summary>The next moment something is due on the referral, if any.</summary>
    public static DateTimeOffset? NextDue(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new[] { referral.ReminderAt, referral.EscalateAt, referral.FollowUpAt }.Where(d => d is not null).Min();
    }

    private DateTimeOffset Defer(DateTimeOffset at, Report report) =>
        report.Urgency == Urgency.Darurat ? at : reminders.Value.Quiet.Defer(at, WilayahTimeZone.For(report.DesaKode));
}
