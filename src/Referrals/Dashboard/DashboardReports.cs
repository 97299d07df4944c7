using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Routing;

namespace Posyandu.Referrals.Dashboard;

/// <summary>Reads reports for one viewer: the filtered, sorted, paged list and one report, never beyond their scope.</summary>
public sealed class DashboardReports(IDbContextFactory<PosyanduDb> dbFactory, ReportQueries reports, FormCatalog catalog, TimeProvider time)
{
    /// <summary>The urgency as the pages say it and style it: <c>biasa</c>, <c>segera</c>, <c>darurat</c>.</summary>
    public static string UrgencyName(Urgency urgency) => urgency.ToString().ToLowerInvariant();

    public async Task<DashboardReportPage> ListAsync(DashboardViewer viewer, DashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, DashboardFilter.MaxPageSize);
        var now = time.GetUtcNow();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filter(db.VisibleReports(viewer), filter, viewer);
        if (query is null)
        {
            return new DashboardReportPage([], page, size, 0);
        }

        var total = await query.CountAsync(cancellationToken);
        // Counted in 64 bits: a page number typed into the URL must give an empty page, never wrap round to page 1.
        var skip = (long)(page - 1) * size;
        if (skip >= total)
        {
            return new DashboardReportPage([], page, size, total);
        }

        var me = viewer.PersonId;
        var ordered = (filter.Sort ?? DashboardSort.Newest) switch
        {
            DashboardSort.Oldest => query.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id),
            DashboardSort.Urgent => query.OrderBy(r => r.Urgency == Urgency.Darurat ? 0 : r.Urgency == Urgency.Segera ? 1 : 2)
                .ThenByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id),
            DashboardSort.Overdue => query.OrderBy(r => r.Referral != null && r.Referral.Status == ReferralStatus.Terkirim && r.Referral.AckDeadline < now ? 0 : 1)
                .ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id),
        };

        var rows = await ordered
            .Skip((int)skip).Take(size)
            .Select(r => new
            {
                r.Number,
                r.Topic,
                r.Bidang,
                r.DesaKode,
                Desa = db.Wilayah.Where(w => w.Kode == r.DesaKode).Select(w => w.Nama).FirstOrDefault(),
                r.SubmittedAt,
                r.Urgency,
                Status = r.Referral == null ? (ReferralStatus?)null : r.Referral.Status,
                Deadline = r.Referral == null ? (DateTimeOffset?)null : r.Referral.AckDeadline,
                Sealed = r.Confidential && !r.Referral!.Recipients.Any(x => x.PersonId == me && x.Kind == RecipientKind.Primary),
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new DashboardReportRow(
            r.Number,
            r.Sealed ? "Laporan rahasia" : catalog.Find(r.Topic)?.Title ?? r.Topic,
            r.Bidang,
            r.Desa ?? r.DesaKode,
            r.SubmittedAt,
            DashboardReports.UrgencyName(r.Urgency),
            r.Sealed ? null : r.Status?.ToString(),
            !r.Sealed && r.Status == ReferralStatus.Terkirim && r.Deadline < now,
            r.Sealed)).ToList();
        return new DashboardReportPage(items, page, size, total);
    }

    /// <summary>One report as the viewer may see it; null when it does not exist or is outside their scope (the same answer).</summary>
    public async Task<DashboardReport?> GetAsync(DashboardViewer viewer, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var wanted = number.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.VisibleReports(viewer)
            .Include(r => r.Referral).ThenInclude(f => f!.Recipients)
            .FirstOrDefaultAsync(r => r.Number == wanted, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var mine = report.Referral?.Recipients.FirstOrDefault(x => x.PersonId == viewer.PersonId);
        var mayAct = mine is { Kind: RecipientKind.Primary, DeclinedAt: null };
        if (ReportScope.FullyVisible(report, viewer.PersonId))
        {
            var detail = await reports.GetAsync(wanted, cancellationToken);
            return detail is null ? null : new DashboardReport(detail, null, mayAct);
        }

        var desa = await db.Wilayah.Where(w => w.Kode == report.DesaKode).Select(w => w.Nama).FirstOrDefaultAsync(cancellationToken);
        var handlers = await RoutingTable.HandlersOfAsync(db, report, cancellationToken);
        return new DashboardReport(null, new SealedReport(report.Number, desa ?? report.DesaKode, DashboardReports.UrgencyName(report.Urgency), report.SubmittedAt, handlers), false);
    }

    /// <summary>Whether <paramref name="photoId"/> is a photo of a report the viewer sees in full.</summary>
    public async Task<bool> MayViewPhotoAsync(DashboardViewer viewer, string number, string photoId, CancellationToken cancellationToken)
    {
        var report = await GetAsync(viewer, number, cancellationToken);
        return report?.Detail is { } detail && detail.Photos.Contains(photoId, StringComparer.Ordinal);
    }

    /// <summary>The desa of the viewer's area, by name (for the filters and the overview).</summary>
    public async Task<IReadOnlyList<AreaView>> DesaAsync(DashboardViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DesaQuery(db, viewer).Select(w => new AreaView(w.Kode, w.Nama)).ToListAsync(cancellationToken);
    }

    internal static IQueryable<Wilayah> DesaQuery(PosyanduDb db, DashboardViewer viewer)
    {
        var area = viewer.Area;
        var under = area + ".";
        return db.Wilayah.AsNoTracking()
            .Where(w => w.Level == WilayahLevel.Desa && (w.Kode == area || w.Kode.StartsWith(under)))
            .OrderBy(w => w.Nama);
    }

    /// <summary>The first and last instant (exclusive) of a month in the viewer's zone; null when <paramref name="month"/> is not <c>yyyy-MM</c>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? MonthRange(string? month, TimeZoneInfo zone)
    {
        if (month is null || !DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first))
        {
            return null;
        }

        ArgumentNullException.ThrowIfNull(zone);
        var offset = zone.BaseUtcOffset;
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), offset);
        return (from.ToUniversalTime(), from.AddMonths(1).ToUniversalTime());
    }

    private static IQueryable<Report>? Filter(IQueryable<Report> query, DashboardFilter filter, DashboardViewer viewer)
    {
        if (!string.IsNullOrWhiteSpace(filter.Bidang))
        {
            if (Conversation.Forms.Bidang.Find(filter.Bidang.Trim())?.Code is not { } bidang)
            {
                return null;
            }

            query = query.Where(r => r.Bidang == bidang);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            if (!Enum.TryParse<ReferralStatus>(filter.Status.Trim(), ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return null;
            }

            // A sealed copy shows no status, so filtering by status must not reveal it either.
            var me = viewer.PersonId;
            query = query.Where(r => r.Referral != null && r.Referral.Status == status
                && (!r.Confidential || r.Referral.Recipients.Any(x => x.PersonId == me && x.Kind == RecipientKind.Primary)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Desa))
        {
            if (!KodeWilayah.TryParse(filter.Desa, out var kode, out _, out _))
            {
                return null;
            }

            var under = kode + ".";
            query = query.Where(r => r.DesaKode == kode || r.DesaKode.StartsWith(under));
        }

        if (!string.IsNullOrWhiteSpace(filter.Urgency))
        {
            if (!Enum.TryParse<Urgency>(filter.Urgency.Trim(), ignoreCase: true, out var urgency) || !Enum.IsDefined(urgency))
            {
                return null;
            }

            query = query.Where(r => r.Urgency == urgency);
        }

        if (!string.IsNullOrWhiteSpace(filter.Month))
        {
            if (MonthRange(filter.Month, viewer.Zone) is not { } range)
            {
                return null;
            }

            query = query.Where(r => r.SubmittedAt >= range.From && r.SubmittedAt < range.To);
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var number = filter.Number.Trim().ToUpperInvariant();
            query = query.Where(r => r.Number.Contains(number));
        }

        return query;
    }
}
