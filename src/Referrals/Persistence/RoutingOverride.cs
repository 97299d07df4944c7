namespace Posyandu.Referrals.Persistence;

/// <summary>
/// An administrator's change to the routing table for one desa and topic: the roles of one list (primary, copy or
/// escalation) that replace the defaults there. Unique per (desa, topic, list); the lists not overridden keep the defaults.
/// </summary>
public sealed class RoutingOverride
{
    public long Id { get; set; }
    public required string DesaKode { get; set; }
    public required string Topic { get; set; }
    public RoutingList List { get; set; }
    /// <summary>Role codes separated by spaces, in routing order; empty = nobody (a copy or escalation list may be empty).</summary>
    public required string Roles { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The three lists of a routing rule: who must act, who is informed, who is next when nobody acts.</summary>
public enum RoutingList { Primary, Copy, Escalation }
