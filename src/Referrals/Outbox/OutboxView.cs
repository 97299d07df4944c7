using Posyandu.Conversation;

namespace Posyandu.Referrals.Outbox;

/// <summary>One message the bot queued, for the simulator and administrators: to whom, on which chat, what, and how it went.</summary>
public sealed record OutboxView(
    long Id,
    string? PersonName,
    string? Peran,
    string? Channel,
    string? Address,
    Reply Reply,
    string Status,
    DateTimeOffset CreatedAt);
