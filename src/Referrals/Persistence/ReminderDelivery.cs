namespace Posyandu.Referrals.Persistence;

/// <summary>One recipient of a reminder run: waiting, handed to the outbox (whose row then says sent or failed), or skipped and why.</summary>
public sealed class ReminderDelivery
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    public ReminderDeliveryStatus Status { get; set; }
    /// <summary>Why it was skipped ("sudah melapor bulan ini", "BERHENTI").</summary>
    public string? Reason { get; set; }
    public long? OutboxMessageId { get; set; }
    public OutboxMessage? OutboxMessage { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Pending: not yet handed to the outbox; Queued: in the outbox (sent or failed there); Skipped: not sent, with a reason.</summary>
public enum ReminderDeliveryStatus { Pending, Queued, Skipped }
