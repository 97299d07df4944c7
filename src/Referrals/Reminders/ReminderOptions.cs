namespace Posyandu.Referrals.Reminders;

/// <summary>The <c>Reminders</c> section: the local quiet hours (in each person's zone: WIB, WITA or WIT) when no reminder is sent.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary><c>21:00-06:00</c>; empty = none.</summary>
    public string QuietHours { get; set; } = Reminders.QuietHours.Default.ToString();

    public QuietHours Quiet => Reminders.QuietHours.TryParse(QuietHours, out var hours) ? hours : Reminders.QuietHours.Default;

    public bool QuietHoursValid => Reminders.QuietHours.TryParse(QuietHours, out _);
}
