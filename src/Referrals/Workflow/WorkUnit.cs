using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Workflow;

/// <summary>What one inbound message's transaction works with: the database, the moment, and the outbox it writes to.</summary>
internal sealed class WorkUnit(PosyanduDb db, DateTimeOffset now)
{
    public PosyanduDb Db { get; } = db;
    public DateTimeOffset Now { get; } = now;
    public OutboxWriter Outbox { get; } = new(db, now);
}
