using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Dashboard;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Routing;

/// <summary>
/// Where the roster leaves a role of the routing table without anybody: per desa and topic, the missing role and where
/// its referrals go instead (the router's own fallback), or nobody at all. For administrators and the dashboard's roster page.
/// </summary>
public sealed class RoutingGaps(IDbContextFactory<PosyanduDb> dbFactory) : IRoutingGapSource
{
    /// <summary>Every gap of every desa (or those under <paramref name="area"/>), by desa code then topic.</summary>
    public async Task<IReadOnlyList<RoutingGap>> ListAsync(string? area, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var desa = await db.Wilayah.AsNoTracking().Where(w => w.Level == WilayahLevel.Desa)
            .Where(w => area == null || w.Kode == area || w.Kode.StartsWith(area + "."))
            .OrderBy(w => w.Kode).ToListAsync(cancellationToken);
        var gaps = new List<RoutingGap>();
        foreach (var wilayah in desa)
        {
            foreach (var rule in RoutingDefaults.All)
            {
                var routed = await ReferralRouter.RouteAsync(db, wilayah.Kode, rule, cancellationToken);
                if (!routed.Any(r => r.Kind == RecipientKind.Primary))
                {
                    gaps.Add(new RoutingGap(wilayah.Kode, wilayah.Nama, rule.Topic, string.Join(", ", rule.Primary), "tidak ada"));
                }

                var fallbacks = routed.Where(r => r.Reason is not null)
                    .SelectMany(r => r.Reason!.Split("; "))
                    .Select(reason => reason.Split(ReferralRouter.FallbackSeparator))
                    .Where(parts => parts.Length == 2)
                    .Distinct(new PartsComparer());
                gaps.AddRange(fallbacks.Select(parts => new RoutingGap(wilayah.Kode, wilayah.Nama, rule.Topic, parts[0], parts[1])));
            }
        }

        return gaps;
    }

    public async Task<IReadOnlyList<RoutingGapView>> ListAsync(DashboardViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var gaps = await ListAsync(viewer.Area, cancellationToken);
        return [.. gaps.Select(g => new RoutingGapView(g.DesaNama, g.Topic, g.MissingRole, g.FallsBackTo))];
    }

    private sealed class PartsComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string[] obj) => HashCode.Combine(obj[0], obj[1]);
    }
}

/// <summary>One gap: in which desa, for which topic, which role has nobody and where its referrals go instead.</summary>
public sealed record RoutingGap(string Desa, string DesaNama, string Topic, string MissingRole, string FallsBackTo);
