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
        for (var attempt = 1; ; attempt++)
        {
            // An UPDATE … SET last = last + 1 is atomic on every provider: concurrent reports never share a number.
            var updated = await db.ReportCounters
                .Where(c => c.Bidang == bidang && c.Period == period)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
            if (updated > 0)
            {
                var last = await db.ReportCounters.Where(c => c.Bidang == bidang && c.Period == period).Select(c => c.Last).SingleAsync(cancellationToken);
                return Format(bidang, period, last);
            }

            var counter = new ReportCounter { Bidang = bidang, Period = period, Last = 1 };
            db.ReportCounters.Add(counter);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Format(bidang, period, 1);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another transaction opened this month first; EF rolled back to its savepoint, so count on its row.
                db.Entry(counter).State = EntityState.Detached;
            }
        }
    }

    public static string Format(string bidang, string period, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{bidang}-{period}-{sequence:D4}");
}
