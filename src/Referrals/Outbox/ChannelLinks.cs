using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Outbox;

/// <summary>Keeps track of chats that can no longer be reached (the person blocked the bot) and moves their pending messages.</summary>
public sealed class ChannelLinks(IDbContextFactory<PosyanduDb> dbFactory, IOutboxScheduler scheduler, TimeProvider time, ILogger<ChannelLinks> logger)
{
    /// <summary>
    /// The person told the platform to stop messages on this chat (Twilio 21610): their reminders stop, and the chat is
    /// unreachable until they write there again, so pending alerts move to their other chat.
    /// </summary>
    public async Task MarkOptedOutAsync(string channel, string address, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var personIds = db.ChannelLinks.Where(l => l.Channel == channel && l.Address == address).Select(l => l.PersonId);
            await db.People.Where(p => personIds.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.RemindersOptOut, true).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), cancellationToken);
        }

        await MarkUnreachableAsync(channel, address, cancellationToken);
    }

    /// <summary>
    /// Marks the chat unreachable. Its pending alerts and notices move to the person's other reachable chat, or wait for
    /// the next chat they link; pending conversation replies there are dropped as unreachable.
    /// </summary>
    public async Task MarkUnreachableAsync(string channel, string address, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();

        var link = await db.ChannelLinks.FirstOrDefaultAsync(l => l.Channel == channel && l.Address == address, cancellationToken);
        ChatAddress? other = null;
        if (link is not null)
        {
            link.Unreachable = true;
            await db.SaveChangesAsync(cancellationToken);
            other = await OutboxWriter.BestChatAsync(db, link.PersonId, cancellationToken);
        }

        var pending = db.Outbox.Where(o => o.Channel == channel && o.Address == address && o.Status == OutboxStatus.Pending);
        await pending.Where(o => o.Kind == OutboxKind.Reply)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Unreachable).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);

        var moved = other is { } target
            ? await pending.ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Channel, target.Channel)
                .SetProperty(o => o.Address, target.Address)
                .SetProperty(o => o.NextAttemptAt, now)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken)
            : await pending.Where(o => o.PersonId != null).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Channel, (string?)null)
                .SetProperty(o => o.Address, (string?)null)
                .SetProperty(o => o.Status, OutboxStatus.WaitingForChat)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        await pending.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Unreachable).SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Chat {Channel} {Address} is unreachable; {Moved} pending alert(s) {Where}",
            channel, LogMask.Address(address), moved, other is null ? "wait for another chat" : $"moved to {other.Value.Channel}");

        if (other is { } chat && moved > 0)
        {
            scheduler.DeliverSoon(chat.Channel, chat.Address);
        }
    }
}
