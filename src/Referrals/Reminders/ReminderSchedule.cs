using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Reminders;

/// <summary>When a reminder kind fires in a zone: the latest occurrence of its cron at or before a moment, in that zone.</summary>
public static class ReminderSchedule
{
    /// <summary>Short windows first (a minutely cron finds its occurrence at once); a monthly one needs the last.</summary>
    private static readonly TimeSpan[] LookBacks = [TimeSpan.FromHours(1), TimeSpan.FromDays(2), TimeSpan.FromDays(62)];

    /// <summary>The latest occurrence at or before <paramref name="now"/>, or null when the cron has none in the look-back.</summary>
    public static DateTimeOffset? Latest(ReminderOptions options, ReminderKind kind, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.TryCron(kind, out var cron))
        {
            return null;
        }

        foreach (var lookBack in LookBacks)
        {
            DateTimeOffset? latest = null;
            for (var next = cron!.GetNextOccurrence(now - lookBack, zone, inclusive: true); next is { } at && at <= now; next = cron.GetNextOccurrence(at, zone))
            {
                latest = at;
            }

            if (latest is not null)
            {
                return latest;
            }
        }

        return null;
    }
}
