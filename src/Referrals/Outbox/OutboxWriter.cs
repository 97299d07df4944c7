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
    public Task ToPersonAsync(long personId, OutboxKind kind, Reply reply, long? referralId, CancellationToken cancellationToken) =>
        ToPeopleAsync([(personId, reply)], kind, referralId, cancellationToken);

    /// <summary>As <see cref="ToPersonAsync"/> for several people, with their chats looked up in one query.</summary>
    public async Task ToPeopleAsync(IReadOnlyCollection<(long PersonId, Reply Reply)> messages, OutboxKind kind, long? referralId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var chats = await BestChatsAsync(db, messages.Select(m => m.PersonId), cancellationToken);
        foreach (var (personId, reply) in messages)
        {
            var chat = chats.TryGetValue(personId, out var found) ? found : (ChatAddress?)null;
            db.Outbox.Add(NewMessage(personId, chat, kind, reply, referralId));
            if (chat is { } address)
            {
                _touched.Add(address);
            }
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
    public static async Task<ChatAddress?> BestChatAsync(PosyanduDb db, long personId, CancellationToken cancellationToken) =>
        (await BestChatsAsync(db, [personId], cancellationToken)).TryGetValue(personId, out var chat) ? chat : null;

    /// <summary>Each person's <see cref="BestChatAsync"/> in one query; people without a reachable chat are left out.</summary>
    public static async Task<IReadOnlyDictionary<long, ChatAddress>> BestChatsAsync(PosyanduDb db, IEnumerable<long> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<long, ChatAddress>();
        }

        var links = await db.ChannelLinks
            .Where(l => ids.Contains(l.PersonId) && !l.Unreachable)
            .Select(l => new { l.PersonId, l.Channel, l.Address, Active = l.LastInboundAt ?? l.LinkedAt, l.Id })
            .ToListAsync(cancellationToken);
        return links
            .GroupBy(l => l.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.Active).ThenByDescending(l => l.Id).Select(l => new ChatAddress(l.Channel, l.Address)).First());
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
