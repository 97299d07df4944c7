using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Reports;

/// <summary>
/// Gives report numbers <c>PR-2511-0042</c>: bidang, year and month in the desa's local time, and a sequence per bidang
/// per month. Runs inside the caller's transaction so a number is never given to a report that was not stored.
/// </summary>
internal static class ReportNumbers
{
    public static async Task<string> NextAsync(PosyanduDb db, string bidang, DateTimeOffset at, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var period = TimeZoneInfo.ConvertTime(at, zone).ToString("yyMM", CultureInfo.InvariantCulture);
        // An UPDATE … SET last = last + 1 is atomic on every provider: concurrent reports never share a number, and the row
        // stays locked until this transaction ends, so a number is only used by a report that was stored.
        if (await IncrementAsync(db, bidang, period, cancellationToken) == 0)
        {
            // The month's first report: the row is created unless another transaction (another instance) just did; no
            // failed insert, so nothing is logged as an error and the transaction stays usable on PostgreSQL.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"ReportCounters\" (\"Bidang\", \"Period\", \"Last\") VALUES ({bidang}, {period}, 0) ON CONFLICT DO NOTHING",
                cancellationToken);
            await IncrementAsync(db, bidang, period, cancellationToken);
        }

        var last = await db.ReportCounters.Where(c => c.Bidang == bidang && c.Period == period).Select(c => c.Last).SingleAsync(cancellationToken);
        return Format(bidang, period, last);
    }

    private static Task<int> IncrementAsync(PosyanduDb db, string bidang, string period, CancellationToken cancellationToken) =>
        db.ReportCounters
            .Where(c => c.Bidang == bidang && c.Period == period)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);

    public static string Format(string bidang, string period, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{bidang}-{period}-{sequence:D4}");
}
