using Posyandu.Conversation;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// One message the bot queued, for the simulator and administrators: to whom, on which chat, what, and how it went (the
/// platform's delivery report and error code, when there is one).
/// </summary>
public sealed record OutboxView(
    long Id,
    string? PersonName,
    string? Peran,
    string? Channel,
    string? Address,
    Reply Reply,
    string Status,
    DateTimeOffset CreatedAt,
    string? DeliveryStatus = null,
    int? ErrorCode = null,
    string? LastError = null);
