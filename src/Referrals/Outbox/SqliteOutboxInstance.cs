using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// The embedded database serves one host process, so every lease that is not this process's own was left by one that died
/// (killed mid-send): it is freed at once.
/// </summary>
public sealed class SqliteOutboxInstance(IDbContextFactory<PosyanduDb> dbFactory) : OutboxInstance
{
    public override Task HoldAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<int> ReleaseDeadLeasesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox
            .Where(o => o.LeaseUntil != null && (o.LeaseOwner == null || o.LeaseOwner != Id))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }
}
