namespace Posyandu.Referrals.Persistence;

/// <summary>One step of a referral's timeline: created, routed, acknowledged, closed, rejected, re-routed, reminded, escalated, viewed.</summary>
public sealed class ReferralEvent
{
    public long Id { get; set; }
    public long ReferralId { get; set; }
    public DateTimeOffset At { get; set; }
    public ReferralEventKind Kind { get; set; }
    public long? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The channel the person acted on (<c>telegram</c>, <c>simulator</c>, <c>web</c>, …); null for the bot's own steps.</summary>
    public string? Channel { get; set; }
    public string? Note { get; set; }
}

/// <summary>What happened at a step of a referral.</summary>
public enum ReferralEventKind { Dibuat, Dikirim, TanpaPenerima, Diterima, Selesai, Ditolak, Dialihkan, Info, Diingatkan, Dieskalasi }
