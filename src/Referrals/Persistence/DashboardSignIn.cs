namespace Posyandu.Referrals.Persistence;

/// <summary>
/// One request for a dashboard sign-in code by phone number. Kept for every number typed, official or not, so that tries
/// and pauses behave alike for both and the answer never tells whether a number is in the roster.
/// </summary>
public sealed class DashboardSignIn
{
    public long Id { get; set; }
    /// <summary>The number as typed, in E.164.</summary>
    public required string Phone { get; set; }
    /// <summary>The official the code was sent to; null when the number is nobody's who may sign in (no code was sent).</summary>
    public long? PersonId { get; set; }
    /// <summary>PBKDF2-SHA256 of the code with <see cref="Salt"/> (base64); null when no code was sent.</summary>
    public string? CodeHash { get; set; }
    public string? Salt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>Tries made with this code, right or wrong.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    /// <summary>After too many wrong tries or requests, no code is sent or accepted for this number until then.</summary>
    public DateTimeOffset? PausedUntil { get; set; }
    /// <summary>The outbox message carrying the code; its text is blanked once the code is used or replaced.</summary>
    public long? OutboxMessageId { get; set; }
}
