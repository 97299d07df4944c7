namespace Posyandu.Referrals.Persistence;

/// <summary>A person's dialog session (drafts, current question) as the JSON of <c>SessionJson</c>; one per person, whatever the channel.</summary>
public sealed class SessionRecord : IVersioned
{
    public long PersonId { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
