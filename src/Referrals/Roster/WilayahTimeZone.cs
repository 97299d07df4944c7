namespace Posyandu.Referrals.Roster;

/// <summary>
/// The time zone of an area, from its province code (roster.md): WIB, WITA or WIT. Indonesia keeps no daylight saving,
/// so fixed offsets are exact and do not depend on the host's tz database.
/// </summary>
public static class WilayahTimeZone
{
    public static readonly TimeZoneInfo Wib = TimeZoneInfo.CreateCustomTimeZone("Asia/Jakarta", TimeSpan.FromHours(7), "WIB", "WIB");
    public static readonly TimeZoneInfo Wita = TimeZoneInfo.CreateCustomTimeZone("Asia/Makassar", TimeSpan.FromHours(8), "WITA", "WITA");
    public static readonly TimeZoneInfo Wit = TimeZoneInfo.CreateCustomTimeZone("Asia/Jayapura", TimeSpan.FromHours(9), "WIT", "WIT");

    /// <summary>Indonesia's three zones, west to east.</summary>
    public static IReadOnlyList<TimeZoneInfo> All { get; } = [Wib, Wita, Wit];

    /// <summary>The zone named <c>WIB</c>, <c>WITA</c> or <c>WIT</c>; null for anything else.</summary>
    public static TimeZoneInfo? Named(string name) => All.FirstOrDefault(z => string.Equals(z.StandardName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The zone of <paramref name="kode"/> (any level); WIB when the province is unknown.</summary>
    public static TimeZoneInfo For(string kode) =>
        kode is { Length: >= 2 } && int.TryParse(kode.AsSpan(0, 2), out var province) ? ForProvince(province) ?? Wib : Wib;

    /// <summary>Whether the two-digit province code is one of roster.md's.</summary>
    public static bool IsKnownProvince(string province) =>
        int.TryParse(province, out var code) && ForProvince(code) is not null;

    private static TimeZoneInfo? ForProvince(int province) => province switch
    {
        >= 11 and <= 21 or >= 31 and <= 36 or 61 or 62 => Wib,
        >= 51 and <= 53 or >= 63 and <= 65 or >= 71 and <= 76 => Wita,
        81 or 82 or >= 91 and <= 96 => Wit,
        _ => null,
    };
}
