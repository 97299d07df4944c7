namespace Posyandu.Referrals.Persistence;

/// <summary>
/// One firing of a reminder schedule in one time zone: which kind, for which local occurrence, due when (the occurrence,
/// or the end of the quiet hours it fell in), and its state. Unique per (kind, zone, occurrence): a firing never runs twice.
/// </summary>
public sealed class ReminderRun
{
    public long Id { get; set; }
    public ReminderKind Kind { get; set; }
    /// <summary><c>WIB</c>, <c>WITA</c> or <c>WIT</c>.</summary>
    public required string Zone { get; set; }
    /// <summary>The schedule's occurrence (a local time in <see cref="Zone"/>, stored as an instant).</summary>
    public DateTimeOffset Occurrence { get; set; }
    /// <summary>When the messages may go: the occurrence, or 06:00 when it fell in the quiet hours.</summary>
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public ReminderRunStatus Status { get; set; }
    public List<ReminderRecipient> Recipients { get; } = [];
}

/// <summary>
/// One person of a <see cref="ReminderRun"/>: pending until the message is written to the outbox (queued, in the same
/// transaction) or skipped with the reason. Unique per (run, person): nobody gets the same reminder twice.
/// </summary>
public sealed class ReminderRecipient
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    public ReminderRecipientStatus Status { get; set; }
    /// <summary>Why it was skipped (<c>BERHENTI</c>, already reported, no chat, nothing open).</summary>
    public string? Reason { get; set; }
    public long? OutboxMessageId { get; set; }
    public OutboxMessage? OutboxMessage { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>The reminder schedules: the day before hari buka, the monthly report, the officials' daily digest.</summary>
public enum ReminderKind { HariBuka, Monthly, Digest }

/// <summary>Waiting for the end of the quiet hours, sending, or every recipient queued or skipped.</summary>
public enum ReminderRunStatus { Waiting, Running, Done }

/// <summary>A recipient's state in a run; once queued, delivery is the outbox message's.</summary>
public enum ReminderRecipientStatus { Pending, Queued, Skipped }
