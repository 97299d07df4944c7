using System.Globalization;

namespace Posyandu.Referrals.Reminders;

/// <summary>
/// Local hours when no reminder is sent (<c>Reminders:QuietHours</c>, default <c>21:00-06:00</c>): a reminder due then waits
/// for the end of the quiet hours in the person's own time zone. <see cref="None"/> sends at any hour.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    public static readonly QuietHours None = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public static readonly QuietHours Default = new(new TimeOnly(21, 0), new TimeOnly(6, 0));

    public bool IsNone => From == Until;

    /// <summary>Reads <c>21:00-06:00</c>; empty means none. False for anything else.</summary>
    public static bool TryParse(string? text, out QuietHours hours)
    {
        hours = None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            return false;
        }

        hours = new QuietHours(from, until);
        return true;
    }

    /// <summary>Whether the local time of day is inside the quiet hours (the start included, the end not).</summary>
    public bool Contains(TimeOnly local) =>
        !IsNone && (From < Until ? local >= From && local < Until : local >= From || local < Until);

    /// <summary><paramref name="at"/> itself, or the end of the quiet hours it falls in, in <paramref name="zone"/>.</summary>
    public DateTimeOffset Defer(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return at;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        // Past midnight the end is today; before midnight (in an overnight window) it is tomorrow.
        var endDay = From > Until && time >= From ? day.AddDays(1) : day;
        var end = new DateTimeOffset(endDay.ToDateTime(Until), local.Offset);
        return end.ToUniversalTime();
    }

    public override string ToString() => IsNone ? "" : $"{From:HH\\:mm}-{Until:HH\\:mm}";
}
