namespace Posyandu.Referrals.Persistence;

/// <summary>The follow-up of one report by the officials it was routed to: status, deadline, recipients and timeline.</summary>
public sealed class Referral : IVersioned
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public Report? Report { get; set; }
    public ReferralStatus Status { get; set; }
    /// <summary>A primary recipient should acknowledge by then (30 min, 24 h or 48 h by urgency).</summary>
    public DateTimeOffset AckDeadline { get; set; }
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
