using Posyandu.Conversation;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// One message the bot queued, for the simulator and administrators: to whom, on which chat, what, and how it went (the
/// platform's delivery report and error code, when there is one). <see cref="Confidential"/>: it speaks of a confidential
/// report (its dialog, or an alert or notice of its referral), so only <see cref="PersonId"/> may read it.
/// </summary>
public sealed record OutboxView(
    long Id,
    long? PersonId,
    string? PersonName,
    string? Peran,
    string? Channel,
    string? Address,
    Reply Reply,
    string Status,
    DateTimeOffset CreatedAt,
    bool Confidential,
    string? DeliveryStatus = null,
    int? ErrorCode = null,
    string? LastError = null);
