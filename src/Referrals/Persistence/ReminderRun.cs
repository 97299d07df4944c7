namespace Posyandu.Referrals.Persistence;

/// <summary>
/// One firing of a reminder schedule for one time zone (the monthly reminder of 25 Nov 09:00 WITA): its recipients are
/// recorded first, then handed to the outbox one by one, so a run stopped half-way resumes without sending anyone twice.
/// </summary>
public sealed class ReminderRun
{
    public long Id { get; set; }
    /// <summary><c>HariBuka:WITA:2025-11-11T16:00</c>: the same firing is never run twice.</summary>
    public required string Key { get; set; }
    public ReminderKind Kind { get; set; }
    /// <summary><c>WIB</c>, <c>WITA</c> or <c>WIT</c>.</summary>
    public required string Zone { get; set; }
    /// <summary>The scheduled moment of this firing.</summary>
    public DateTimeOffset FiredAt { get; set; }
    /// <summary>When the messages go out: the firing, or the end of the quiet hours it fell in.</summary>
    public DateTimeOffset SendAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set once every recipient was handed to the outbox or skipped.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    public List<ReminderDelivery> Deliveries { get; set; } = [];
}

/// <summary>Which reminder a run sends.</summary>
public enum ReminderKind { HariBuka, Monthly, Digest }
