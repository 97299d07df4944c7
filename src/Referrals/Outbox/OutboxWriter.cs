using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// Writes outbox rows inside the caller's transaction and remembers which chats got something, so the caller can ask the
/// worker pool to deliver them once the transaction committed.
/// </summary>
internal sealed class OutboxWriter(PosyanduDb db, DateTimeOffset now)
{
    private readonly HashSet<ChatAddress> _touched = [];

    public IReadOnlyCollection<ChatAddress> Touched => _touched;

    /// <summary>A message to one chat, whoever it belongs to (a reply in the conversation that is going on there).</summary>
    public OutboxMessage ToChat(ChatAddress chat, long? personId, OutboxKind kind, Reply reply, long? referralId = null)
    {
        var message = NewMessage(personId, chat, kind, reply, referralId);
        db.Outbox.Add(message);
        _touched.Add(chat);
        return message;
    }

    /// <summary>
    /// A message to a person wherever they are: their most recently active reachable chat; with none, it waits and goes
    /// out as soon as they link a chat.
    /// </summary>
    public async Task ToPersonAsync(long personId, OutboxKind kind, Reply reply, long? referralId, CancellationToken cancellationToken)
    {
        var chat = await BestChatAsync(db, personId, cancellationToken);
        db.Outbox.Add(NewMessage(personId, chat, kind, reply, referralId));
        if (chat is { } address)
        {
            _touched.Add(address);
        }
    }

    /// <summary>Sends the person's waiting messages to the chat they just linked.</summary>
    public async Task ReleaseWaitingAsync(long personId, ChatAddress chat, CancellationToken cancellationToken)
    {
        var released = await db.Outbox
            .Where(o => o.PersonId == personId && o.Status == OutboxStatus.WaitingForChat)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Channel, chat.Channel)
                .SetProperty(o => o.Address, chat.Address)
                .SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.NextAttemptAt, now), cancellationToken);
        if (released > 0)
        {
            _touched.Add(chat);
        }
    }

    /// <summary>The person wrote on this chat: what was held until they did (WhatsApp's 24-hour window) goes out now, first.</summary>
    public async Task ReleaseHeldAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        var released = await db.Outbox
            .Where(o => o.Channel == chat.Channel && o.Address == chat.Address && o.Status == OutboxStatus.WaitingForPerson)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Pending).SetProperty(o => o.NextAttemptAt, now), cancellationToken);
        if (released > 0)
        {
            _touched.Add(chat);
        }
    }

    /// <summary>The chat a person was last active on among those not marked unreachable.</summary>
    public static async Task<ChatAddress?> BestChatAsync(PosyanduDb db, long personId, CancellationToken cancellationToken)
    {
        var link = await db.ChannelLinks
            .Where(l => l.PersonId == personId && !l.Unreachable)
            .OrderByDescending(l => l.LastInboundAt ?? l.LinkedAt)
            .ThenByDescending(l => l.Id)
            .Select(l => new { l.Channel, l.Address })
            .FirstOrDefaultAsync(cancellationToken);
        return link is null ? null : new ChatAddress(link.Channel, link.Address);
    }

    private OutboxMessage NewMessage(long? personId, ChatAddress? chat, OutboxKind kind, Reply reply, long? referralId) => new()
    {
        PersonId = personId,
        Channel = chat?.Channel,
        Address = chat?.Address,
        Kind = kind,
        PayloadJson = OutboxPayload.Serialize(reply),
        Status = chat is null ? OutboxStatus.WaitingForChat : OutboxStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
        ReferralId = referralId,
    };
}
