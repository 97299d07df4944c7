using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Routing;

/// <summary>
/// Where the roster leaves the routing table's roles empty, desa by desa and topic by topic, for administrators (the API,
/// the <c>routing gaps</c> command, the dashboard's roster page), each desa's overrides applied. The roster and the
/// overrides are read once, not once per desa.
/// </summary>
public sealed class RoutingGaps(IDbContextFactory<PosyanduDb> dbFactory)
{
    /// <summary>The gaps of every desa under <paramref name="area"/> (a desa, kecamatan or kabupaten code; null = all), by desa then topic.</summary>
    public async Task<IReadOnlyList<DesaRoutingGap>> ListAsync(string? area, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var desa = (await db.Wilayah.AsNoTracking().Where(w => w.Level == WilayahLevel.Desa).Select(w => new { w.Kode, w.Nama }).ToListAsync(cancellationToken))
            .Where(w => area is null || KodeWilayah.Covers(area, w.Kode))
            .OrderBy(w => w.Kode, StringComparer.Ordinal)
            .ToList();
        var officials = await db.People.AsNoTracking().Where(p => p.Peran != Peran.Kader).ToListAsync(cancellationToken);
        var overrides = (await db.RoutingOverrides.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(o => (o.DesaKode, o.Topic));

        return [.. desa.SelectMany(w =>
        {
            var covering = officials.Where(p => KodeWilayah.Covers(p.KodeWilayah, w.Kode)).ToList();
            return RoutingDefaults.All
                .Select(rule => RoutingTable.Apply(rule, overrides[(w.Kode, rule.Topic)]))
                .SelectMany(rule => ReferralRouter.GapsAmong(covering, w.Kode, rule))
                .Select(gap => new DesaRoutingGap(w.Nama, gap));
        })];
    }
}

/// <summary>A routing gap with the name of its desa.</summary>
public sealed record DesaRoutingGap(string DesaNama, RoutingGap Gap);
