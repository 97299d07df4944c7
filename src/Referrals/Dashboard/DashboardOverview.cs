using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;

namespace Posyandu.Referrals.Dashboard;

/// <summary>
/// The overview: this month's reports per bidang and status, the open referrals (overdue first, then oldest), and the
/// desa of the area that sent no report this month.
/// </summary>
public sealed class DashboardOverview(IDbContextFactory<PosyanduDb> dbFactory, FormCatalog catalog, TimeProvider time)
{
    private const int MaxOpen = 50;

    public async Task<OverviewView> GetAsync(DashboardViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var now = time.GetUtcNow();
        var month = TimeZoneInfo.ConvertTime(now, viewer.Zone).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var (from, to) = DashboardReports.MonthRange(month, viewer.Zone)!.Value;
        var me = viewer.PersonId;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.VisibleReports(viewer);

        var counted = await visible
            .Where(r => r.SubmittedAt >= from && r.SubmittedAt < to)
            .Select(r => new
            {
                r.Bidang,
                r.DesaKode,
                Status = r.Referral == null ? (ReferralStatus?)null : r.Referral.Status,
                Sealed = r.Confidential && !r.Referral!.Recipients.Any(x => x.PersonId == me && x.Kind == RecipientKind.Primary),
            })
            .ToListAsync(cancellationToken);

        var perBidang = Bidang.All.Select(b =>
        {
            var rows = counted.Where(r => r.Bidang == b.Code).ToList();
            var open = rows.Where(r => !r.Sealed).ToList();
            return new BidangStatusCount(
                b.Code,
                b.Name,
                open.Count(r => r.Status == ReferralStatus.Terkirim),
                open.Count(r => r.Status == ReferralStatus.Diterima),
                open.Count(r => r.Status == ReferralStatus.Selesai),
                open.Count(r => r.Status == ReferralStatus.Ditolak),
                rows.Count(r => r.Sealed),
                rows.Count);
        }).ToList();

        var openRows = await visible
            .Where(r => r.Referral != null && (r.Referral.Status == ReferralStatus.Terkirim || r.Referral.Status == ReferralStatus.Diterima)
                && (!r.Confidential || r.Referral.Recipients.Any(x => x.PersonId == me && x.Kind == RecipientKind.Primary)))
            .OrderBy(r => r.Referral!.Status == ReferralStatus.Terkirim && r.Referral.AckDeadline < now ? 0 : 1)
            .ThenBy(r => r.SubmittedAt)
            .Take(MaxOpen)
            .Select(r => new
            {
                r.Number,
                r.Topic,
                Desa = db.Wilayah.Where(w => w.Kode == r.DesaKode).Select(w => w.Nama).FirstOrDefault(),
                r.DesaKode,
                r.SubmittedAt,
                r.Referral!.AckDeadline,
                r.Referral.Status,
                r.Urgency,
            })
            .ToListAsync(cancellationToken);

        var open = openRows.Select(r => new OpenReferralRow(
            r.Number,
            catalog.Find(r.Topic)?.Title ?? r.Topic,
            r.Desa ?? r.DesaKode,
            r.SubmittedAt,
            r.AckDeadline,
            r.Status.ToString(),
            DashboardReports.UrgencyName(r.Urgency),
            r.Status == ReferralStatus.Terkirim && r.AckDeadline < now,
            now - r.SubmittedAt)).ToList();

        var reporting = counted.Select(r => r.DesaKode).ToHashSet(StringComparer.Ordinal);
        var silent = (await DashboardReports.DesaQuery(db, viewer).Select(w => new AreaView(w.Kode, w.Nama)).ToListAsync(cancellationToken))
            .Where(d => !reporting.Contains(d.Kode))
            .ToList();

        return new OverviewView(month, perBidang, open, silent);
    }
}

/// <summary>What the overview shows.</summary>
public sealed record OverviewView(string Month, IReadOnlyList<BidangStatusCount> ThisMonth, IReadOnlyList<OpenReferralRow> Open, IReadOnlyList<AreaView> DesaWithoutReport)
{
    public int Total => ThisMonth.Sum(b => b.Total);
}

/// <summary>This month's reports of one bidang by referral status; <see cref="Sealed"/> counts confidential copies, whose status is not shown.</summary>
public sealed record BidangStatusCount(string Bidang, string BidangNama, int Terkirim, int Diterima, int Selesai, int Ditolak, int Sealed, int Total);

/// <summary>An open referral (sent or acknowledged) with its age; <see cref="Overdue"/> when nobody acknowledged it in time.</summary>
public sealed record OpenReferralRow(string Number, string Title, string Desa, DateTimeOffset SubmittedAt, DateTimeOffset AckDeadline, string Status, string Urgency, bool Overdue, TimeSpan Age);
