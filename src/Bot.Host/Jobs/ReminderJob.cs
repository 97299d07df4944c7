using Hangfire;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reminders;
using Posyandu.Referrals.Roster;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// One reminder schedule in one time zone (a Hangfire recurring job whose cron is in that zone): records the firing's run
/// and sends it, or leaves it waiting for the end of the quiet hours.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class ReminderJob(ReminderRunner runner)
{
    public static string RecurringId(ReminderKind kind, TimeZoneInfo zone) => $"reminder-{kind}-{zone.StandardName}".ToLowerInvariant();

    public Task RunAsync(ReminderKind kind, string zone, CancellationToken cancellationToken) =>
        runner.FireAsync(kind, WilayahTimeZone.Named(zone) ?? throw new ArgumentException($"Unknown zone {zone}", nameof(zone)), cancellationToken);
}
