using System.Globalization;
using Cronos;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Reminders;

/// <summary>
/// The <c>Reminders</c> section, all in each person's local time (WIB, WITA or WIT): the quiet hours when no reminder is
/// sent, the hari-buka reminder time, the monthly and the digest schedules (cron), and how many recipients one
/// transaction of a run writes.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary><c>21:00-06:00</c>; empty = none.</summary>
    public string QuietHours { get; set; } = Reminders.QuietHours.Default.ToString();

    public TimeOfDaySetting HariBuka { get; set; } = new() { Time = "16:00" };

    public CronSetting Monthly { get; set; } = new() { Cron = "0 9 25 * *" };

    public CronSetting Digest { get; set; } = new() { Cron = "0 8 * * *" };

    /// <summary>Recipients written to the outbox per transaction; a run stopped half-way resumes after the last one committed.</summary>
    public int BatchSize { get; set; } = 200;

    public QuietHours Quiet => Reminders.QuietHours.TryParse(QuietHours, out var hours) ? hours : Reminders.QuietHours.Default;

    public bool QuietHoursValid => Reminders.QuietHours.TryParse(QuietHours, out _);

    /// <summary>Every schedule parses and the batch size is sensible.</summary>
    public bool SchedulesValid => TryCron(ReminderKind.HariBuka, out _) && TryCron(ReminderKind.Monthly, out _)
        && TryCron(ReminderKind.Digest, out _) && BatchSize is > 0 and <= 10_000;

    /// <summary>The cron of a kind (hari buka: every day at its time, for the Posyandu opening the next day).</summary>
    public string CronOf(ReminderKind kind) => kind switch
    {
        ReminderKind.HariBuka => TimeOnly.TryParseExact(HariBuka.Time?.Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? string.Create(CultureInfo.InvariantCulture, $"{at.Minute} {at.Hour} * * *")
            : "",
        ReminderKind.Monthly => Monthly.Cron?.Trim() ?? "",
        _ => Digest.Cron?.Trim() ?? "",
    };

    public bool TryCron(ReminderKind kind, out CronExpression? cron)
    {
        cron = null;
        try
        {
            cron = CronExpression.Parse(CronOf(kind));
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}

/// <summary>A local time of day, <c>16:00</c>.</summary>
public sealed class TimeOfDaySetting
{
    public string Time { get; set; } = "";
}

/// <summary>A five-field cron expression in local time, <c>0 9 25 * *</c>.</summary>
public sealed class CronSetting
{
    public string Cron { get; set; } = "";
}
