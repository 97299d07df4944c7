using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Workflow;

/// <summary>
/// What one transaction (an inbound message or a dashboard action) works with: the database, the moment, the channel, the
/// outbox it writes to, and the referrals whose deadlines it changed (scheduled once it committed).
/// </summary>
internal sealed class WorkUnit(PosyanduDb db, DateTimeOffset now)
{
    private readonly HashSet<Referral> _deadlines = [];

    public PosyanduDb Db { get; } = db;
    public DateTimeOffset Now { get; } = now;
    /// <summary>Where the person acts (<c>telegram</c>, <c>web</c>, …), kept on the timeline steps they cause.</summary>
    public string? Channel { get; init; }
    public OutboxWriter Outbox { get; } = new(db, now);

    public void DeadlinesChanged(Referral referral) => _deadlines.Add(referral);

    /// <summary>After commit: the next due moment of every referral whose deadlines changed.</summary>
    public IReadOnlyList<(long ReferralId, DateTimeOffset DueAt)> DueDeadlines() =>
        [.. _deadlines.Select(r => (r.Id, Due: DeadlinePlanner.NextDue(r))).Where(x => x.Due is not null).Select(x => (x.Id, x.Due!.Value))];
}
