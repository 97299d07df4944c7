namespace Posyandu.Referrals.Deadlines;

/// <summary>Working days (Monday–Friday) counted in the local time of the desa.</summary>
public static class WorkingDays
{
    /// <summary>The same local time of day, <paramref name="days"/> working days after <paramref name="from"/>.</summary>
    public static DateTimeOffset Add(DateTimeOffset from, int days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var counted = 0;
        while (counted < days)
        {
            local = local.AddDays(1);
            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return local.ToUniversalTime();
    }
}
