using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Workflow;

/// <summary>What one inbound message's (or dashboard action's) transaction works with: the database, the moment, the channel, and the outbox it writes to.</summary>
internal sealed class WorkUnit(PosyanduDb db, DateTimeOffset now)
{
    public PosyanduDb Db { get; } = db;
    public DateTimeOffset Now { get; } = now;
    /// <summary>Where the person acts (<c>telegram</c>, <c>web</c>, …), kept on the timeline steps they cause.</summary>
    public string? Channel { get; init; }
    public OutboxWriter Outbox { get; } = new(db, now);
}
