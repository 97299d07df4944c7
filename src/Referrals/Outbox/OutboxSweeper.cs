using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// Re-enqueues every chat with due pending messages (new, retried, or left by a worker that died holding a lease), so a
/// restart or a lost job never loses a message. Runs every minute and once at start, for the channels this process sends on.
/// Leases of host processes that are gone are freed first, so their chats go out now and not when the lease runs out.
/// </summary>
public sealed class OutboxSweeper(
    IDbContextFactory<PosyanduDb> dbFactory,
    IEnumerable<IChannelSender> senders,
    IOutboxScheduler scheduler,
    OutboxInstance instance,
    TimeProvider time,
    ILogger<OutboxSweeper> logger)
{
    // Messages of a channel this process cannot send on wait for a start with that channel configured.
    private readonly string[] _channels = senders.Select(s => s.Channel).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Returns how many chats were enqueued.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var released = await instance.ReleaseDeadLeasesAsync(cancellationToken);
        if (released > 0)
        {
            logger.LogWarning("Outbox sweep: {Released} message(s) held by a host process that is gone were freed", released);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var chats = await db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.Channel != null && o.Address != null && _channels.Contains(o.Channel)
                        && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil <= now))
            .Select(o => new { o.Channel, o.Address })
            .Distinct()
            .ToListAsync(cancellationToken);

        foreach (var chat in chats)
        {
            scheduler.DeliverSoon(chat.Channel!, chat.Address!);
        }

        if (chats.Count > 0)
        {
            logger.LogInformation("Outbox sweep: {Chats} chat(s) with due messages enqueued", chats.Count);
        }

        return chats.Count;
    }
}
