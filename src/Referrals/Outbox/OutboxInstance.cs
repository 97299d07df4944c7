namespace Posyandu.Referrals.Outbox;

/// <summary>
/// This host process as the owner of outbox leases: a random id chosen at start, written with every lease it takes, and
/// how the provider tells a live owner from one that died (SQLite: one process per file; PostgreSQL: a session lock).
/// </summary>
public abstract class OutboxInstance
{
    /// <summary>The id written to <c>Outbox.LeaseOwner</c>; positive, so it is also a valid PostgreSQL lock key.</summary>
    public int Id { get; protected set; } = NewId();

    /// <summary>Makes sure the other instances can see this one is alive; called before each lease is taken.</summary>
    public abstract Task HoldAsync(CancellationToken cancellationToken);

    /// <summary>Frees the leases of instances that are gone, so their chats go out now rather than when the lease runs out.</summary>
    /// <returns>How many rows were freed.</returns>
    public abstract Task<int> ReleaseDeadLeasesAsync(CancellationToken cancellationToken);

    protected static int NewId() => Random.Shared.Next(1, int.MaxValue);
}
