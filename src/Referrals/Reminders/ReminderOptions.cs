using System.Globalization;
using Cronos;

namespace Posyandu.Referrals.Reminders;

/// <summary>
/// The <c>Reminders</c> section: when the hari-buka, monthly-report and digest reminders go out, in each person's local
/// time (WIB, WITA or WIT by province), and the local quiet hours when none is sent.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public HariBukaSchedule HariBuka { get; set; } = new();
    public CronSchedule Monthly { get; set; } = new() { Cron = "0 9 25 * *" };
    public CronSchedule Digest { get; set; } = new() { Cron = "0 8 * * *" };

    /// <summary><c>21:00-06:00</c>; empty = none.</summary>
    public string QuietHours { get; set; } = Reminders.QuietHours.Default.ToString();

    public QuietHours Quiet => Reminders.QuietHours.TryParse(QuietHours, out var hours) ? hours : Reminders.QuietHours.Default;

    public bool QuietHoursValid => Reminders.QuietHours.TryParse(QuietHours, out _);

    /// <summary>The hari-buka reminder's time as a daily cron (<c>16:00</c> → <c>0 16 * * *</c>).</summary>
    public string HariBukaCron => TimeOnly.TryParseExact(HariBuka.Time, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
        ? string.Create(CultureInfo.InvariantCulture, $"{time.Minute} {time.Hour} * * *")
        : "";

    public static bool IsCron(string? cron) => CronExpression.TryParse(cron ?? "", CronFormat.Standard, out _);
}

/// <summary>The hari-buka reminder: the local time of day, the day before each Posyandu's opening day.</summary>
public sealed class HariBukaSchedule
{
    public string Time { get; set; } = "16:00";
}

/// <summary>A reminder on a five-field cron schedule, in each person's local time.</summary>
public sealed class CronSchedule
{
    public string Cron { get; set; } = "";
}
