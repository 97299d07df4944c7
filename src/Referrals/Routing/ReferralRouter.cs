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
    /// <summary>Between the missing role and where its referrals go instead, in every fallback reason.</summary>
    public const string FallbackSeparator = " tidak ada, dialihkan ke ";

    /// <summary>Recipients for a new referral: primaries first, then copies not already primary.</summary>
    public static async Task<IReadOnlyList<RoutedRecipient>> RouteAsync(PosyanduDb db, string desaKode, RoutingRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rule);
        var officials = await OfficialsCoveringAsync(db, desaKode, cancellationToken);
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
            else if (role != Peran.Kades && (!rule.Restricted || rule.Names(Peran.Kades)))
            {
                // A copy only informs: a missing one falls back to the Kepala Desa, but never escalates further.
                var reason = $"{role}{FallbackSeparator}{Peran.Kades}";
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

    private static IEnumerable<RoutedRecipient> Resolve(List<Person> officials, string desaKode, string role, RoutingRule rule)
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
                return kades.Select(p => new RoutedRecipient(p, RecipientKind.Primary, $"{role}{FallbackSeparator}{Peran.Kades}"));
            }

            missing = $"{role} dan {Peran.Kades}";
        }

        foreach (var chain in Chains(rule))
        {
            var found = chain.Select(r => (Role: r, People: Holders(officials, desaKode, r))).Where(x => x.People.Count > 0).ToList();
            if (found.Count > 0)
            {
                var to = string.Join(", ", found.Select(x => x.Role));
                return found.SelectMany(x => x.People).Select(p => new RoutedRecipient(p, RecipientKind.Primary, $"{missing}{FallbackSeparator}{to}"));
            }
        }

        return [];
    }

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
    private static List<Person> Holders(List<Person> officials, string desaKode, string role) =>
        officials.Where(p => p.Peran == role && KodeWilayah.Covers(p.KodeWilayah, desaKode)).OrderBy(p => p.Id).ToList();

    private static Task<List<Person>> OfficialsCoveringAsync(PosyanduDb db, string desaKode, CancellationToken cancellationToken)
    {
        var areas = KodeWilayah.SelfAndAncestors(desaKode);
        return db.People.Where(p => areas.Contains(p.KodeWilayah) && p.Peran != Peran.Kader).ToListAsync(cancellationToken);
    }
}
