using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Routing;

/// <summary>
/// The routing rule that holds for a desa and topic: the defaults, with each list an administrator overrode for that desa
/// (<c>routing import</c>) replaced by the overriding roles. Routing, escalation, TOLAK and the gaps all read it here.
/// </summary>
public static class RoutingTable
{
    /// <summary>The rule of <paramref name="topic"/> in <paramref name="desaKode"/>; a confidential report keeps to the roles it names.</summary>
    public static async Task<RoutingRule> RuleForAsync(PosyanduDb db, string desaKode, string topic, bool confidential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overrides = await db.RoutingOverrides.AsNoTracking().Where(o => o.DesaKode == desaKode && o.Topic == topic).ToListAsync(cancellationToken);
        return Apply(RoutingDefaults.For(topic, confidential), overrides);
    }

    /// <summary>
    /// Who handles a report, as a confidential report's copy recipients and the dashboard's sealed view say it: the primary
    /// roles of its desa's rule by name ("UPTD PPA Kutai Kartanegara").
    /// </summary>
    public static async Task<string> HandlersOfAsync(PosyanduDb db, Report report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rule = await RuleForAsync(db, report.DesaKode, report.Topic, report.Confidential, cancellationToken);
        return string.Join(", ", rule.Primary.Select(role => Peran.DisplayName(role, report.DesaKode)));
    }

    /// <summary><paramref name="rule"/> with the lists that <paramref name="overrides"/> (of its desa and topic) replace.</summary>
    public static RoutingRule Apply(RoutingRule rule, IEnumerable<RoutingOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(overrides);
        foreach (var change in overrides)
        {
            var roles = Roles(change.Roles);
            rule = change.List switch
            {
                RoutingList.Primary => rule with { Primary = roles },
                RoutingList.Copy => rule with { Copy = roles },
                _ => rule with { Escalation = roles },
            };
        }

        return rule;
    }

    /// <summary>The role codes of a stored list, in order.</summary>
    public static IReadOnlyList<string> Roles(string stored) =>
        (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A list as stored: codes separated by one space.</summary>
    public static string Store(IEnumerable<string> roles) => string.Join(' ', roles);
}
