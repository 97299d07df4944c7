namespace Posyandu.Referrals.Persistence;

/// <summary>An official who received a referral: primary (must act) or copy (informed), and why, when routing fell back.</summary>
public sealed class ReferralRecipient
{
    public long Id { get; set; }
    public long ReferralId { get; set; }
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    public RecipientKind Kind { get; set; }
    /// <summary>Why this person, when not by the defaults ("KASI_KESRA tidak ada, dialihkan ke KADES").</summary>
    public string? Reason { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    /// <summary>Set when this recipient answered TOLAK.</summary>
    public DateTimeOffset? DeclinedAt { get; set; }
}

/// <summary>Primary recipients must acknowledge; copies are informed.</summary>
public enum RecipientKind { Primary, Copy }
