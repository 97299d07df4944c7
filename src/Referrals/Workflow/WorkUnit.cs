using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Workflow;

/// <summary>
/// What one transaction works with: the database, the moment, the outbox it writes to, and the referrals whose deadlines
/// it changed (scheduled once it committed).
/// </summary>
internal sealed class WorkUnit(PosyanduDb db, DateTimeOffset now)
{
    private readonly HashSet<Referral> _deadlines = [];

    public PosyanduDb Db { get; } = db;
    public DateTimeOffset Now { get; } = now;
    public OutboxWriter Outbox { get; } = new(db, now);

    public void DeadlinesChanged(Referral referral) => _deadlines.Add(referral);

    /// <summary>After commit: the next due moment of every referral whose deadlines changed.</summary>
    public IReadOnlyList<(long ReferralId, DateTimeOffset DueAt)> DueDeadlines() =>
        [.. _deadlines.Select(r => (r.Id, Due: DeadlinePlanner.NextDue(r))).Where(x => x.Due is not null).Select(x => (x.Id, x.Due!.Value))];
}
