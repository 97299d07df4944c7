using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Routing;

/// <summary>
/// Finds the people a referral goes to for a desa: the rule's roles; a missing role falls back to the Kepala Desa, a
/// missing Kepala Desa to the escalation roles covering the desa (kecamatan, kabupaten by code prefix), and those to the
/// Camat and the DPMD. The reason of every fallback is kept. A restricted rule (a confidential topic) only ever falls
/// back to roles it names.
/// </summary>
public static class ReferralRouter
{
    /// <summary>Recipients for a new referral: primaries first, then copies not already primary.</summary>
    public static async Task<IReadOnlyList<RoutedRecipient>> RouteAsync(PosyanduDb db, string desaKode, RoutingRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        return RouteAmong(await OfficialsCoveringAsync(db, desaKode, cancellationToken), desaKode, rule);
    }

    /// <summary>
    /// Where the roster leaves <paramref name="rule"/> without the people it names for a desa: each primary or copy role
    /// that nobody holds there, with the roles its referrals go to instead (none: a copy that is not sent, or a report
    /// with nobody to receive it). <paramref name="officials"/> are the officials covering the desa or more.
    /// </summary>
    public static IEnumerable<RoutingGap> GapsAmong(IReadOnlyList<Person> officials, string desaKode, RoutingRule rule)
    {
        ArgumentNullException.ThrowIfNull(officials);
        ArgumentNullException.ThrowIfNull(rule);
        foreach (var role in rule.Primary.Where(role => Holders(officials, desaKode, role).Count == 0))
        {
            var instead = Resolve(officials, desaKode, role, rule).Select(r => r.Person.Peran).Distinct().ToList();
            yield return new RoutingGap(desaKode, rule.Topic, role, RecipientKind.Primary, instead);
        }

        foreach (var role in rule.Copy.Where(role => Holders(officials, desaKode, role).Count == 0))
        {
            IReadOnlyList<string> instead = CopyFallsBackToKades(rule, role) && Holders(officials, desaKode, Peran.Kades).Count > 0 ? [Peran.Kades] : [];
            yield return new RoutingGap(desaKode, rule.Topic, role, RecipientKind.Copy, instead);
        }
    }

    private static List<RoutedRecipient> RouteAmong(IReadOnlyList<Person> officials, string desaKode, RoutingRule rule)
    {
        var result = new List<RoutedRecipient>();

        foreach (var role in rule.Primary)
        {
            AddAll(result, Resolve(officials, desaKode, role, rule));
        }

        foreach (var role in rule.Copy)
        {
            var holders = Holders(officials, desaKode, role);
            if (holders.Count > 0)
            {
                AddAll(result, holders.Select(p => new RoutedRecipient(p, RecipientKind.Copy, null)));
            }
            else if (CopyFallsBackToKades(rule, role))
            {
                var reason = $"{role} tidak ada, dialihkan ke {Peran.Kades}";
                AddAll(result, Holders(officials, desaKode, Peran.Kades).Select(p => new RoutedRecipient(p, RecipientKind.Copy, reason)));
            }
        }

        return result;
    }

    /// <summary>
    /// The next level up the routing table, after the primaries declined (TOLAK) or let the deadline pass: the rule's
    /// escalation roles covering the desa, then each last-resort role above them in turn (kecamatan, then kabupaten),
    /// leaving out people already on the referral. Empty at the end of the chain.
    /// </summary>
    public static async Task<IReadOnlyList<RoutedRecipient>> EscalateAsync(
        PosyanduDb db, string desaKode, RoutingRule rule, IReadOnlySet<long> alreadyRouted, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(alreadyRouted);
        var officials = await OfficialsCoveringAsync(db, desaKode, cancellationToken);
        foreach (var chain in EscalationSteps(rule))
        {
            var next = chain.SelectMany(role => Holders(officials, desaKode, role)).Where(p => !alreadyRouted.Contains(p.Id)).DistinctBy(p => p.Id).ToList();
            if (next.Count > 0)
            {
                return next.Select(p => new RoutedRecipient(p, RecipientKind.Primary, reason)).ToList();
            }
        }

        return [];
    }

    private static IEnumerable<RoutedRecipient> Resolve(IReadOnlyList<Person> officials, string desaKode, string role, RoutingRule rule)
    {
        var holders = Holders(officials, desaKode, role);
        if (holders.Count > 0)
        {
            return holders.Select(p => new RoutedRecipient(p, RecipientKind.Primary, null));
        }

        var missing = role;
        if (role != Peran.Kades && (!rule.Restricted || rule.Names(Peran.Kades)))
        {
            var kades = Holders(officials, desaKode, Peran.Kades);
            if (kades.Count > 0)
            {
                return kades.Select(p => new RoutedRecipient(p, RecipientKind.Primary, $"{role} tidak ada, dialihkan ke {Peran.Kades}"));
            }

            missing = $"{role} dan {Peran.Kades}";
        }

        foreach (var chain in Chains(rule))
        {
            var found = chain.Select(r => (Role: r, People: Holders(officials, desaKode, r))).Where(x => x.People.Count > 0).ToList();
            if (found.Count > 0)
            {
                var to = string.Join(", ", found.Select(x => x.Role));
                return found.SelectMany(x => x.People).Select(p => new RoutedRecipient(p, RecipientKind.Primary, $"{missing} tidak ada, dialihkan ke {to}"));
            }
        }

        return [];
    }

    /// <summary>A copy only informs: a missing one falls back to the Kepala Desa (unless the rule keeps to its roles), never further.</summary>
    private static bool CopyFallsBackToKades(RoutingRule rule, string role) =>
        role != Peran.Kades && (!rule.Restricted || rule.Names(Peran.Kades));

    private static void AddAll(List<RoutedRecipient> result, IEnumerable<RoutedRecipient> candidates)
    {
        foreach (var candidate in candidates)
        {
            var existing = result.FindIndex(r => r.Person.Id == candidate.Person.Id);
            if (existing < 0)
            {
                result.Add(candidate);
            }
            else if (candidate.Kind == RecipientKind.Primary && candidate.Reason is not null)
            {
                // Already a primary by default and also the fallback for a missing role: keep the gap visible to administrators.
                var reason = result[existing].Reason;
                result[existing] = result[existing] with { Reason = reason is null ? candidate.Reason : $"{reason}; {candidate.Reason}" };
            }
        }
    }

    /// <summary>The topic's escalation roles, then (unless the rule is restricted to its named roles) the Camat and the DPMD.</summary>
    private static IEnumerable<IReadOnlyList<string>> Chains(RoutingRule rule) =>
        rule.Restricted ? [rule.Escalation] : [rule.Escalation, RoutingDefaults.LastResort];

    /// <summary>One step per level: the rule's own escalation roles together, then each last-resort role not below them.</summary>
    private static IEnumerable<IReadOnlyList<string>> EscalationSteps(RoutingRule rule)
    {
        yield return rule.Escalation;
        if (rule.Restricted)
        {
            yield break;
        }

        var reached = rule.Escalation.Select(Peran.LevelOf).DefaultIfEmpty(WilayahLevel.Desa).Max();
        foreach (var role in RoutingDefaults.LastResort.Where(r => !rule.Escalation.Contains(r) && Peran.LevelOf(r) >= reached))
        {
            yield return [role];
        }
    }

    /// <summary>People holding <paramref name="role"/> whose area is the desa or contains it; a kecamatan-level person covers every desa under it.</summary>
    private static List<Person> Holders(IReadOnlyList<Person> officials, string desaKode, string role) =>
        officials.Where(p => p.Peran == role && KodeWilayah.Covers(p.KodeWilayah, desaKode)).OrderBy(p => p.Id).ToList();

    private static Task<List<Person>> OfficialsCoveringAsync(PosyanduDb db, string desaKode, CancellationToken cancellationToken)
    {
        var areas = KodeWilayah.SelfAndAncestors(desaKode);
        return db.People.Where(p => areas.Contains(p.KodeWilayah) && p.Peran != Peran.Kader).ToListAsync(cancellationToken);
    }
}
