namespace Posyandu.Referrals.Persistence;

/// <summary>
/// One message the bot must send, stored in the same transaction as the change that caused it and delivered by the
/// dispatcher. Channel and address are null while the person has no chat linked (<see cref="OutboxStatus.WaitingForChat"/>).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long? PersonId { get; set; }
    public Person? Person { get; set; }
    public string? Channel { get; set; }
    public string? Address { get; set; }
    public OutboxKind Kind { get; set; }
    /// <summary>The <c>Reply</c> as JSON.</summary>
    public required string PayloadJson { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>
    /// A worker holds the row until then; another worker may take it over only after it passed, or at once when the host
    /// process that took it is gone (<see cref="LeaseOwner"/>).
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    /// <summary>The <c>OutboxInstance</c> (host process) that holds the lease, or last held it.</summary>
    public int? LeaseOwner { get; set; }
    public string? LastError { get; set; }
    public string? PlatformMessageId { get; set; }
    /// <summary>The platform's code for the last failure (Twilio: 21610 unsubscribed, 63016 outside the 24-hour window, …).</summary>
    public int? ErrorCode { get; set; }
    /// <summary>The platform's last delivery report for the sent message (Twilio: queued, sent, delivered, read, failed, undelivered).</summary>
    public string? DeliveryStatus { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public long? ReferralId { get; set; }
}

/// <summary>Why a message is sent: an answer in a conversation, a referral alert, a notice about a referral, or a scheduled reminder.</summary>
public enum OutboxKind { Reply, Alert, Notice, Reminder }

/// <summary>
/// Delivery state of an outbox message. <see cref="WaitingForPerson"/>: held until the person writes on that chat again
/// (a WhatsApp message outside the 24-hour window with no template and no SMS to fall back on).
/// </summary>
public enum OutboxStatus { Pending, WaitingForChat, Sent, Failed, Unreachable, WaitingForPerson }
