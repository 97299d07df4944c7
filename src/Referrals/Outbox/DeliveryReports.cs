using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// Keeps the platform's delivery reports on the outbox row (queued, sent, delivered, read, failed, undelivered and the
/// error code). An alert that could not be delivered goes out again on the person's next channel, and its referral's
/// timeline says so.
/// </summary>
public sealed class DeliveryReports(IDbContextFactory<PosyanduDb> dbFactory, IOutboxScheduler scheduler, TimeProvider time, ILogger<DeliveryReports> logger)
{
    private static readonly string[] Order = ["queued", "sent", "delivered", "read"];

    /// <summary>
    /// Records one report for the message the platform knows as <paramref name="platformMessageId"/>; false when no such
    /// message was sent. <paramref name="fallbacks"/> are the channels to try, in order, after a failed alert; a channel in
    /// <paramref name="anyNumberChannels"/> (SMS) reaches the person's roster number even without a linked chat.
    /// </summary>
    public async Task<bool> RecordAsync(string platformMessageId, string status, int? errorCode,
        IReadOnlyList<string> fallbacks, IReadOnlyCollection<string> anyNumberChannels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fallbacks);
        ArgumentNullException.ThrowIfNull(anyNumberChannels);
        status = status.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Outbox.Include(o => o.Person).FirstOrDefaultAsync(o => o.PlatformMessageId == platformMessageId, cancellationToken);
        if (row is null)
        {
            return false;
        }

        var failed = status is "failed" or "undelivered";
        if (IsFinal(row.DeliveryStatus) || (!failed && Rank(status) < Rank(row.DeliveryStatus)))
        {
            return true; // Late or repeated: a report never moves a message backwards (delivered, then a late "sent").
        }

        row.DeliveryStatus = status.Length > 16 ? status[..16] : status;
        row.ErrorCode = errorCode ?? row.ErrorCode;
        ChatAddress? resent = null;
        if (failed && row.Kind == OutboxKind.Alert && row.Person is { } person)
        {
            resent = await ResendAsync(db, row, person, fallbacks, anyNumberChannels, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (resent is { } chat)
        {
            scheduler.DeliverSoon(chat.Channel, chat.Address);
        }

        return true;
    }

    private async Task<ChatAddress?> ResendAsync(PosyanduDb db, OutboxMessage row, Person person, IReadOnlyList<string> fallbacks,
        IReadOnlyCollection<string> anyNumberChannels, CancellationToken cancellationToken)
    {
        var links = await db.ChannelLinks.Where(l => l.PersonId == person.Id && !l.Unreachable).ToListAsync(cancellationToken);
        ChatAddress? next = null;
        foreach (var channel in fallbacks.Where(c => c != row.Channel))
        {
            if (links.FirstOrDefault(l => l.Channel == channel) is { } link)
            {
                next = new ChatAddress(link.Channel, link.Address);
                break;
            }

            if (anyNumberChannels.Contains(channel))
            {
                next = new ChatAddress(channel, person.Phone);
                break;
            }
        }

        var now = time.GetUtcNow();
        var failure = row.ErrorCode is { } code ? $"gagal terkirim (kode {code})" : "gagal terkirim";
        if (next is { } chat)
        {
            db.Outbox.Add(new OutboxMessage
            {
                PersonId = person.Id,
                Channel = chat.Channel,
                Address = chat.Address,
                Kind = OutboxKind.Alert,
                PayloadJson = row.PayloadJson,
                Status = OutboxStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
                ReferralId = row.ReferralId,
            });
        }

        if (row.ReferralId is { } referralId)
        {
            db.ReferralEvents.Add(new ReferralEvent
            {
                ReferralId = referralId,
                At = now,
                Kind = ReferralEventKind.Dikirim,
                PersonId = person.Id,
                Note = next is { } target
                    ? $"Peringatan lewat {Name(row.Channel)} {failure}; dikirim ulang lewat {Name(target.Channel)}."
                    : $"Peringatan lewat {Name(row.Channel)} {failure}; tidak ada kanal lain untuk {person.Nama}.",
            });
        }

        logger.LogWarning("Outbox {Id}: alert to person {PersonId} {Failure} on {Channel}; {Next}",
            row.Id, person.Id, failure, row.Channel, next is { } n ? $"resent on {n.Channel}" : "no other channel");
        return next;
    }

    private static string Name(string? channel) => channel switch
    {
        "whatsapp" => "WhatsApp",
        "sms" => "SMS",
        "telegram" => "Telegram",
        _ => channel ?? "-",
    };

    private static bool IsFinal(string? status) => status is "failed" or "undelivered" or "read";

    private static int Rank(string? status) => status is null ? -1 : Array.IndexOf(Order, status);
}
