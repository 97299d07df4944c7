using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Dashboard;

/// <summary>
/// The monthly recap for the musyawarah desa: for every Posyandu of the viewer's area (and reports sent without one, per
/// desa), the reports of the month per bidang, with totals.
/// </summary>
public sealed class MonthlyRecap(IDbContextFactory<PosyanduDb> dbFactory)
{
    /// <summary>The recap of <paramref name="month"/> (<c>yyyy-MM</c>); null when the month cannot be read.</summary>
    public async Task<RecapView?> GetAsync(DashboardViewer viewer, string month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (DashboardReports.MonthRange(month, viewer.Zone) is not { } range)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reports = await db.VisibleReports(viewer)
            .Where(r => r.SubmittedAt >= range.From && r.SubmittedAt < range.To)
            .Select(r => new { r.DesaKode, r.PosyanduId, r.Bidang })
            .ToListAsync(cancellationToken);

        var desa = await DashboardReports.DesaQuery(db, viewer).ToDictionaryAsync(w => w.Kode, w => w.Nama, cancellationToken);
        var codes = desa.Keys.ToList();
        var posyandu = await db.Posyandu.AsNoTracking().Where(p => codes.Contains(p.DesaKode)).ToListAsync(cancellationToken);

        var rows = new List<RecapRow>();
        foreach (var p in posyandu)
        {
            rows.Add(Row(desa.GetValueOrDefault(p.DesaKode, p.DesaKode), p.Nama, reports.Where(r => r.PosyanduId == p.Id).Select(r => r.Bidang)));
        }

        // Reports of officials or of kader without a Posyandu, and of desa outside the list (a report routed to the viewer).
        var known = posyandu.Select(p => p.Id).ToHashSet();
        foreach (var group in reports.Where(r => r.PosyanduId is null || !known.Contains(r.PosyanduId.Value)).GroupBy(r => r.DesaKode))
        {
            rows.Add(Row(desa.GetValueOrDefault(group.Key, group.Key), "(tanpa Posyandu)", group.Select(r => r.Bidang)));
        }

        rows = rows.OrderBy(r => r.Desa, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Posyandu, StringComparer.OrdinalIgnoreCase).ToList();
        var totals = Bidang.All.ToDictionary(b => b.Code, b => rows.Sum(r => r.PerBidang[b.Code]));
        return new RecapView(month, viewer.AreaNama, rows, totals);
    }

    private static RecapRow Row(string desa, string posyandu, IEnumerable<string> bidang)
    {
        var list = bidang.ToList();
        return new RecapRow(desa, posyandu, Bidang.All.ToDictionary(b => b.Code, b => list.Count(x => x == b.Code)));
    }
}

/// <summary>A month's recap of an area: one row per Posyandu, and the totals per bidang.</summary>
public sealed record RecapView(string Month, string AreaNama, IReadOnlyList<RecapRow> Rows, IReadOnlyDictionary<string, int> Totals)
{
    public int Total => Totals.Values.Sum();
}

/// <summary>One Posyandu's reports of the month per bidang code.</summary>
public sealed record RecapRow(string Desa, string Posyandu, IReadOnlyDictionary<string, int> PerBidang)
{
    public int Total => PerBidang.Values.Sum();
}
