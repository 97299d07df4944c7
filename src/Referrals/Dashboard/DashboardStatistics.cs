using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Dashboard;

/// <summary>The numbers behind the charts: reports per bidang per month, and how long referrals waited to be acknowledged.</summary>
public sealed class DashboardStatistics(IDbContextFactory<PosyanduDb> dbFactory, TimeProvider time)
{
    /// <summary>The buckets of time to acknowledge, as officials think of the deadlines (30 minutes, a day, two days).</summary>
    public static readonly IReadOnlyList<(string Label, TimeSpan UpTo)> AckBuckets =
    [
        ("≤ 30 menit", TimeSpan.FromMinutes(30)),
        ("≤ 2 jam", TimeSpan.FromHours(2)),
        ("≤ 24 jam", TimeSpan.FromHours(24)),
        ("≤ 48 jam", TimeSpan.FromHours(48)),
        ("> 48 jam", TimeSpan.MaxValue),
    ];

    /// <summary>Reports the viewer sees per month (the last <paramref name="months"/>, oldest first) and bidang.</summary>
    public async Task<IReadOnlyList<MonthCounts>> ReportsPerMonthAsync(DashboardViewer viewer, int months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var keys = LastMonths(viewer, months);
        var from = DashboardReports.MonthRange(keys[0], viewer.Zone)!.Value.From;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.VisibleReports(viewer)
            .Where(r => r.SubmittedAt >= from)
            .Select(r => new { r.Bidang, r.SubmittedAt })
            .ToListAsync(cancellationToken);

        return keys.Select(month =>
        {
            var inMonth = rows.Where(r => MonthOf(r.SubmittedAt, viewer.Zone) == month).ToList();
            return new MonthCounts(month, Bidang.All.ToDictionary(b => b.Code, b => inMonth.Count(r => r.Bidang == b.Code)));
        }).ToList();
    }

    /// <summary>
    /// For referrals of the last <paramref name="months"/> the viewer sees in full: how many were acknowledged within each
    /// of <see cref="AckBuckets"/>, how many never were, and the median time.
    /// </summary>
    public async Task<AckTimes> AckTimesAsync(DashboardViewer viewer, int months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var from = DashboardReports.MonthRange(LastMonths(viewer, months)[0], viewer.Zone)!.Value.From;
        var me = viewer.PersonId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.VisibleReports(viewer)
            .Where(r => r.SubmittedAt >= from && r.Referral != null
                && (!r.Confidential || r.Referral.Recipients.Any(x => x.PersonId == me && x.Kind == RecipientKind.Primary)))
            .Select(r => new { r.SubmittedAt, r.Referral!.AcknowledgedAt })
            .ToListAsync(cancellationToken);

        var waits = rows.Where(r => r.AcknowledgedAt is not null).Select(r => r.AcknowledgedAt!.Value - r.SubmittedAt).Order().ToList();
        var counts = new int[AckBuckets.Count];
        foreach (var wait in waits)
        {
            counts[AckBuckets.Select((b, i) => (b, i)).First(x => wait <= x.b.UpTo).i]++;
        }

        TimeSpan? median = waits.Count == 0 ? null : waits[waits.Count / 2];
        return new AckTimes(AckBuckets.Select((b, i) => (b.Label, counts[i])).ToList(), rows.Count - waits.Count, median);
    }

    private List<string> LastMonths(DashboardViewer viewer, int months)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), viewer.Zone);
        var first = new DateOnly(local.Year, local.Month, 1);
        return Enumerable.Range(0, Math.Clamp(months, 1, 24)).Reverse()
            .Select(back => first.AddMonths(-back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    private static string MonthOf(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reports of one month (<c>2025-11</c>) per bidang code.</summary>
public sealed record MonthCounts(string Month, IReadOnlyDictionary<string, int> PerBidang)
{
    public int Total => PerBidang.Values.Sum();
}

/// <summary>Referrals per time-to-acknowledge bucket, those not acknowledged, and the median wait of those that were.</summary>
public sealed record AckTimes(IReadOnlyList<(string Label, int Count)> Buckets, int NotAcknowledged, TimeSpan? Median);
