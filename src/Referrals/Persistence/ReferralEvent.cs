namespace Posyandu.Referrals.Persistence;

/// <summary>One step of a referral's timeline: created, routed, acknowledged, closed, rejected, re-routed, viewed.</summary>
public sealed class ReferralEvent
{
    public long Id { get; set; }
    public long ReferralId { get; set; }
    public DateTimeOffset At { get; set; }
    public ReferralEventKind Kind { get; set; }
    public long? PersonId { get; set; }
    public Person? Person { get; set; }
    public string? Note { get; set; }
    /// <summary>Where the official acted (<c>telegram</c>, <c>web</c>, …); null for steps the bot took itself.</summary>
    public string? Channel { get; set; }
}

/// <summary>What happened at a step of a referral.</summary>
public enum ReferralEventKind { Dibuat, Dikirim, TanpaPenerima, Diterima, Selesai, Ditolak, Dialihkan, Info }
