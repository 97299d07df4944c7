namespace Posyandu.Referrals.Routing;

/// <summary>
/// Who receives a topic's referrals: primary roles (must acknowledge), copy roles (informed), escalation roles (next level).
/// A <see cref="Restricted"/> rule (confidential topics) never falls back to a role it does not name.
/// </summary>
public sealed record RoutingRule(string Topic, IReadOnlyList<string> Primary, IReadOnlyList<string> Copy, IReadOnlyList<string> Escalation, bool Restricted = false)
{
    /// <summary>Whether the rule names <paramref name="role"/> anywhere (primary, copy or escalation).</summary>
    public bool Names(string role) => Primary.Contains(role) || Copy.Contains(role) || Escalation.Contains(role);
}
