namespace Posyandu.Referrals.Persistence;

/// <summary>The follow-up of one report by the officials it was routed to: status, deadline, recipients and timeline.</summary>
public sealed class Referral : IVersioned
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public Report? Report { get; set; }
    public ReferralStatus Status { get; set; }
    /// <summary>A primary recipient should acknowledge by then (30 min, 24 h or 48 h by urgency); the time the alert promises.</summary>
    public DateTimeOffset AckDeadline { get; set; }
    /// <summary>How many times the referral went up the routing table (0 = still at its first recipients).</summary>
    public int EscalationLevel { get; set; }
    /// <summary>When the primaries get the one reminder of this level (after quiet hours); null once sent or not due.</summary>
    public DateTimeOffset? ReminderAt { get; set; }
    /// <summary>When it escalates unless acknowledged (the deadline, after quiet hours); null once acknowledged or closed.</summary>
    public DateTimeOffset? EscalateAt { get; set; }
    /// <summary>When the acknowledging official is reminded that it is still open (5 working days); null once sent or closed.</summary>
    public DateTimeOffset? FollowUpAt { get; set; }
    public long? AcknowledgedById { get; set; }
    public Person? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }
    public List<ReferralRecipient> Recipients { get; set; } = [];
    public List<ReferralEvent> Events { get; set; } = [];
}

/// <summary>Where a referral stands: sent, acknowledged (TERIMA), closed (SELESAI) or rejected with nobody left to route to.</summary>
public enum ReferralStatus { Terkirim, Diterima, Selesai, Ditolak }
