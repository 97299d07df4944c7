using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// Delivers the due messages of one chat in order through that channel's sender. Each row is claimed with a lease
/// (an atomic UPDATE) naming this process (<see cref="OutboxInstance"/>), so two workers never send it twice and a
/// restarted host frees at once what a dead process held; a platform asking to wait is honoured, a blocked chat is
/// marked unreachable, and nothing is lost: the sweeper picks up whatever is left. Each send first waits for its turn within
/// the channel's limits (<see cref="OutboxPacer"/>), so a district-wide reminder run never makes the platform answer 429.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<PosyanduDb> dbFactory,
    IEnumerable<IChannelSender> senders,
    IOutboxScheduler scheduler,
    ChannelLinks channelLinks,
    OutboxPacer pacer,
    OutboxInstance instance,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>
    /// How long a worker holds a row it is sending; after that another worker may retry it. Only a backstop for a live
    /// worker that lost its way: longer than <see cref="SendTimeout"/>, and a dead process's leases are freed sooner
    /// (<see cref="OutboxInstance.ReleaseDeadLeasesAsync"/>).
    /// </summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>A send that has not returned by then counts as failed and is retried (the channels' HTTP clients give up sooner).</summary>
    internal static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Retries back off 2, 4, 8 … seconds, never longer than this.</summary>
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed tries (about 16 hours at the longest backoff) a message is given up as failed.</summary>
    internal const int MaxAttempts = 100;

    private readonly Dictionary<string, IChannelSender> _senders = senders
        .GroupBy(s => s.Channel, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public async Task DeliverAsync(string channel, string address, CancellationToken cancellationToken)
    {
        while (await DeliverNextAsync(channel, address, cancellationToken))
        {
        }
    }

    /// <summary>Sends the head of the chat's queue; true when the next one may follow right away.</summary>
    private async Task<bool> DeliverNextAsync(string channel, string address, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var head = await db.Outbox.AsNoTracking()
            .Where(o => o.Channel == channel && o.Address == address && o.Status == OutboxStatus.Pending)
            .OrderBy(o => o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null || head.LeaseUntil > now)
        {
            return false; // Nothing due, or another worker is on this chat and will carry on.
        }

        if (head.NextAttemptAt > now)
        {
            scheduler.DeliverLater(channel, address, head.NextAttemptAt - now);
            return false; // Later messages wait behind it: a chat's messages arrive in order.
        }

        if (!_senders.TryGetValue(channel, out var sender))
        {
            // A restart without the channel's settings (a mistyped or missing token) must not throw the backlog away: the
            // chat's messages wait, and the sweep at the next start with the channel configured sends them.
            await WaitForChannelAsync(db, head, $"Kanal {channel} tidak aktif di server ini (pengaturannya kosong); pesan menunggu.", cancellationToken);
            return false;
        }

        await instance.HoldAsync(cancellationToken);
        now = time.GetUtcNow();
        var leaseUntil = now + Lease;
        var owner = instance.Id;
        var claimed = await db.Outbox
            .Where(o => o.Id == head.Id && o.Status == OutboxStatus.Pending && (o.LeaseUntil == null || o.LeaseUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, leaseUntil).SetProperty(o => o.LeaseOwner, owner), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        Reply reply;
        try
        {
            reply = OutboxPayload.Deserialize(head.PayloadJson);
        }
        catch (JsonException ex)
        {
            await FinishAsync(db, head.Id, OutboxStatus.Failed, $"Isi pesan rusak: {ex.Message}", cancellationToken);
            logger.LogError("Outbox {Id}: unreadable payload", head.Id);
            return true;
        }

        // Paced after the claim, right before the send: a message never waits for the database between its turn and the
        // platform, so turns that waited on a busy database cannot reach the platform together and break its limit.
        try
        {
            await pacer.WaitAsync(channel, address, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }

        var result = await SendAsync(db, sender, head, new OutboundMessage(head.Id, head.Kind, head.PersonId, address, reply), cancellationToken);
        var attempts = head.Attempts + 1;
        switch (result.Status)
        {
            case SendStatus.Sent:
                await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, OutboxStatus.Sent)
                    .SetProperty(o => o.SentAt, time.GetUtcNow())
                    .SetProperty(o => o.Attempts, attempts)
                    .SetProperty(o => o.PlatformMessageId, result.PlatformMessageId)
                    .SetProperty(o => o.LastError, (string?)null)
                    .SetProperty(o => o.ErrorCode, (int?)null)
                    .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
                return true;

            case SendStatus.RetryLater when attempts < MaxAttempts:
                var delay = RetryDelay(attempts, result.RetryAfter);
                await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Attempts, attempts)
                    .SetProperty(o => o.NextAttemptAt, now + delay)
                    .SetProperty(o => o.LastError, Truncate(result.Error))
                    .SetProperty(o => o.ErrorCode, result.ErrorCode)
                    .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
                logger.LogWarning("Outbox {Id} to {Channel} {Address}: retry in {Delay} (attempt {Attempts}): {Error}",
                    head.Id, channel, LogMask.Address(address), delay, attempts, result.Error);
                scheduler.DeliverLater(channel, address, delay);
                return false;

            case SendStatus.ChannelDown:
                await WaitForChannelAsync(db, head, result.Error, CancellationToken.None);
                return false; // The sweep tries the chat again every minute; later messages wait behind this one.

            case SendStatus.Unreachable:
                // Released first, so the move below takes this message along with the rest of the chat's queue.
                await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Attempts, attempts)
                    .SetProperty(o => o.LastError, Truncate(result.Error))
                    .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
                logger.LogWarning("Outbox {Id}: chat {Channel} {Address} is unreachable: {Error}", head.Id, channel, LogMask.Address(address), result.Error);
                await channelLinks.MarkUnreachableAsync(channel, address, CancellationToken.None);
                return false;

            case SendStatus.OptedOut:
                // The person told the platform to stop: this message failed, their reminders stop, and pending alerts
                // move to their other chat (an alert is never dropped because of an opt-out).
                await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, attempts), CancellationToken.None);
                await FinishAsync(db, head.Id, OutboxStatus.Failed, result.Error, CancellationToken.None, result.ErrorCode);
                logger.LogWarning("Outbox {Id}: {Channel} {Address} opted out: {Error}", head.Id, channel, LogMask.Address(address), result.Error);
                await channelLinks.MarkOptedOutAsync(channel, address, CancellationToken.None);
                return false;

            case SendStatus.WaitForPerson:
                await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, attempts), CancellationToken.None);
                await FinishAsync(db, head.Id, OutboxStatus.WaitingForPerson, result.Error, CancellationToken.None, result.ErrorCode);
                logger.LogInformation("Outbox {Id} to {Channel} {Address} waits until the person writes: {Error}", head.Id, channel, LogMask.Address(address), result.Error);
                return true;

            default:
                // Rejected, or retried too often: final. It no longer holds back the messages behind it.
                await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, attempts), CancellationToken.None);
                await FinishAsync(db, head.Id, OutboxStatus.Failed, result.Error, CancellationToken.None, result.ErrorCode);
                logger.LogWarning("Outbox {Id} to {Channel} {Address} failed: {Error}", head.Id, channel, LogMask.Address(address), result.Error);
                return true;
        }
    }

    private async Task<SendResult> SendAsync(PosyanduDb db, IChannelSender sender, OutboxMessage head, OutboundMessage message, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(SendTimeout, time);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await sender.SendAsync(message, sending.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: give the row back now rather than after the lease.
            await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
#pragma warning disable CA1031 // A sender must not throw; if one does, the message is retried rather than lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning("Outbox {Id}: sender {Channel} threw {Exception}", head.Id, sender.Channel, ex.GetType().Name);
            return SendResult.RetryLater(null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Leaves the message pending and uncounted, with the reason shown in the API; logged once per message.</summary>
    private async Task WaitForChannelAsync(PosyanduDb db, OutboxMessage head, string? reason, CancellationToken cancellationToken)
    {
        await db.Outbox.Where(o => o.Id == head.Id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.LastError, Truncate(reason))
            .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        if (!string.Equals(head.LastError, Truncate(reason), StringComparison.Ordinal))
        {
            logger.LogError("Outbox {Id}: channel {Channel} cannot send, the message waits: {Reason}", head.Id, head.Channel, reason);
        }
    }

    /// <summary>max(what the platform asked, 2^attempts seconds), capped at <see cref="MaxBackoff"/>.</summary>
    internal static TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter)
    {
        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), MaxBackoff.TotalSeconds));
        var wanted = retryAfter ?? TimeSpan.Zero;
        return wanted > backoff ? wanted : backoff;
    }

    private static Task<int> FinishAsync(PosyanduDb db, long id, OutboxStatus status, string? error, CancellationToken cancellationToken, int? errorCode = null) =>
        db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, status)
            .SetProperty(o => o.LastError, Truncate(error))
            .SetProperty(o => o.ErrorCode, errorCode)
            .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), cancellationToken);

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;
}
