using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Posyandu.Bot.Host.Api;

/// <summary>A query parameter holding a date (<c>2025-11-01</c>, midnight UTC) or an ISO 8601 date and time (UTC when it has no offset).</summary>
internal readonly record struct DateOrTime(DateTimeOffset Value) : IParsable<DateOrTime>
{
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DateOrTime result)
    {
        result = default;
        var text = s?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            result = new DateOrTime(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            return true;
        }

        // Round-trip and sortable forms only: "11/01/2025" means different days in different countries.
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            result = new DateOrTime(moment);
            return true;
        }

        return false;
    }

    public static DateOrTime Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException($"'{s}' is not an ISO 8601 date or date and time.");

    public override string ToString() => Value.ToString("O", CultureInfo.InvariantCulture);
}
