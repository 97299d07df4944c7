using System.Globalization;
using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>
/// Dates, always day before month: "12/08/2025", "12-8-25", "12.8.2025", "12 Agustus 2025", "12 agt 25", "hari ini",
/// "kemarin", "kemarin lusa", "3 hari lalu". Two-digit years are 20xx; a date after today only where the field allows it.
/// </summary>
internal static partial class DateAnswer
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["januari"] = 1, ["jan"] = 1, ["january"] = 1,
        ["februari"] = 2, ["pebruari"] = 2, ["febuari"] = 2, ["feb"] = 2, ["peb"] = 2, ["february"] = 2,
        ["maret"] = 3, ["mar"] = 3, ["mrt"] = 3, ["march"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5, ["may"] = 5,
        ["juni"] = 6, ["jun"] = 6, ["june"] = 6,
        ["juli"] = 7, ["jul"] = 7, ["july"] = 7,
        ["agustus"] = 8, ["agu"] = 8, ["agt"] = 8, ["ags"] = 8, ["agus"] = 8, ["agst"] = 8, ["aug"] = 8, ["august"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["okt"] = 10, ["oct"] = 10, ["october"] = 10,
        ["november"] = 11, ["nov"] = 11, ["nop"] = 11, ["nopember"] = 11,
        ["desember"] = 12, ["des"] = 12, ["dec"] = 12, ["december"] = 12,
    };

    private static readonly Dictionary<string, int> DaysFromToday = new(StringComparer.Ordinal)
    {
        ["hari ini"] = 0, ["hr ini"] = 0, ["sekarang"] = 0, ["skrg"] = 0, ["tadi"] = 0, ["tadi pagi"] = 0,
        ["tadi siang"] = 0, ["tadi sore"] = 0,
        ["kemarin"] = -1, ["kemaren"] = -1, ["kmrn"] = -1, ["kmarin"] = -1,
        ["kemarin lusa"] = -2, ["kemaren lusa"] = -2, ["kmrn lusa"] = -2, ["lusa kemarin"] = -2, ["kemarin dulu"] = -2,
        ["besok"] = 1, ["bsk"] = 1, ["lusa"] = 2,
    };

    /// <summary>A date as written: the year is null when the kader left it out.</summary>
    private sealed record Written(int Day, int Month, int? Year);

    public static ParseResult Parse(FieldDefinition field, string text, DateOnly today)
    {
        var s = Clean(text);
        if (Relative(s, today) is { } relative)
        {
            return Check(field, relative, today);
        }

        var (written, problem) = Numeric(s) ?? Named(s) ?? (null, null);
        if (written is null)
        {
            return ParseResult.Refuse(problem is null ? Hint(field, today) : $"{problem} {Hint(field, today)}");
        }

        // No year written: this year, or last year when this year's date is still to come and that is not allowed.
        var year = written.Year ?? today.Year;
        if (written.Year is null && !field.AllowFuture && Exists(written.Day, written.Month, year)
            && new DateOnly(year, written.Month, written.Day) > today)
        {
            year--;
        }

        if (!Exists(written.Day, written.Month, year))
        {
            var shown = written.Year is null
                ? $"{written.Day:00}/{written.Month:00}"
                : $"{written.Day:00}/{written.Month:00}/{written.Year}";
            return ParseResult.Refuse($"Tanggal {shown} tidak ada di kalender. {Hint(field, today)}");
        }

        return Check(field, new DateOnly(year, written.Month, written.Day), today);
    }

    public static string Hint(FieldDefinition field, DateOnly today)
    {
        var example = string.IsNullOrWhiteSpace(field.Example) ? Show(today) : field.Example.Trim();
        return $"Mohon tulis tanggal dengan urutan tanggal/bulan/tahun, misalnya {example}, atau ketik hari ini atau kemarin.";
    }

    private static ParseResult Check(FieldDefinition field, DateOnly date, DateOnly today)
    {
        if (date > today && !field.AllowFuture)
        {
            return ParseResult.Refuse($"Tanggal {Show(date)} belum lewat. Mohon tulis tanggal hari ini atau sebelumnya, misalnya {Show(today)}.");
        }

        // Whole calendar months, as an age is told: a child born 60 months ago to the day is no longer "59 months".
        var earliest = field.MaxMonthsAgo is { } months ? today.AddMonths(-months - 1).AddDays(1) : DateOnly.MinValue;
        if (date < earliest)
        {
            return ParseResult.Refuse(
                $"Tanggal {Show(date)} sudah lebih dari {field.MaxMonthsAgo} bulan yang lalu. Mohon tulis tanggal {Show(earliest)} atau sesudahnya.");
        }

        return ParseResult.Accept(new Answer { Date = date });
    }

    private static bool Exists(int day, int month, int year) =>
        year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Lower case, one space, no "tgl"/"tanggal" or weekday in front ("Senin, 12 Agustus"), no closing dot.</summary>
    private static string Clean(string text)
    {
        var s = InputText.Collapse(text.ToLowerInvariant()).TrimEnd('.', '!', '?', ',');
        s = WeekdayPrefix().Replace(s, "");
        s = DatePrefix().Replace(s, "");
        return YangLalu().Replace(s, " lalu").Trim();
    }

    /// <summary>"hari ini", "kemarin", "kemarin lusa", "3 hari lalu", "seminggu yang lalu", "dua bulan lalu".</summary>
    private static DateOnly? Relative(string s, DateOnly today)
    {
        if (DaysFromToday.TryGetValue(s, out var days))
        {
            return today.AddDays(days);
        }

        if (Ago().Match(s) is not { Success: true } match)
        {
            return null;
        }

        // "minggu lalu" (some day last week) names no day, so only an amount counts: "seminggu lalu", "2 minggu lalu".
        var amountText = match.Groups["n"].Value;
        var amount = amountText == "se" ? 1 : IndonesianNumbers.Parse(amountText);
        if (amount is not (>= 0 and <= 1200) || amount != decimal.Truncate(amount.Value))
        {
            return null;
        }

        var n = (int)amount.Value;
        return match.Groups["unit"].Value switch
        {
            "hari" or "hr" => today.AddDays(-n),
            "minggu" or "mgg" or "pekan" => today.AddDays(-7 * n),
            _ => today.AddMonths(-n),
        };
    }

    /// <summary>"12/08/2025", "12-8-25", "12.8.2025", "12 8 2025", "12/8", "12082025", and ISO "2025-08-12".</summary>
    private static (Written?, string?)? Numeric(string s)
    {
        if (IsoDate().Match(s) is { Success: true } iso)
        {
            return (new Written(Int(iso.Groups["d"]), Int(iso.Groups["m"]), Year(iso.Groups["y"])), null);
        }

        var match = DayMonthYear().Match(s);
        if (!match.Success)
        {
            match = Packed().Match(s);
        }

        return match.Success ? (new Written(Int(match.Groups["d"]), Int(match.Groups["m"]), Year(match.Groups["y"])), null) : null;
    }

    /// <summary>"12 Agustus 2025", "12 agt 25", "12-agu-2025", "12 ags"; a month without a day is refused.</summary>
    private static (Written?, string?)? Named(string s)
    {
        if (NamedMonth().Match(s) is not { Success: true } match
            || !Months.TryGetValue(match.Groups["month"].Value, out var month))
        {
            return null;
        }

        return match.Groups["d"].Success
            ? (new Written(Int(match.Groups["d"]), month, Year(match.Groups["y"])), null)
            : (null, "Baru bulannya yang tertulis, tanggalnya belum.");
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static int? Year(Group group) => group.Value.Length switch
    {
        0 => null,
        2 => 2000 + Int(group),
        _ => Int(group),
    };

    [GeneratedRegex(@"^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*(?=(?:tanggal|tgl|tg)?\.?\s*\d)")]
    private static partial Regex WeekdayPrefix();

    [GeneratedRegex(@"^(?:tanggal|tgl|tg)\.?\s*")]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"\s+(?:yang|yg)\s+lalu$|\s+yll$")]
    private static partial Regex YangLalu();

    [GeneratedRegex(@"^(?<n>.*?)\s*(?<unit>hari|hr|minggu|mgg|pekan|bulan|bln)\s+lalu$")]
    private static partial Regex Ago();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[/\-.]\s*(?<m>\d{1,2})(?:\s*[/\-.]\s*(?<y>\d{4}|\d{2}))?$|^(?<d>\d{1,2}) (?<m>\d{1,2}) (?<y>\d{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<d>\d{2})(?<m>\d{2})(?<y>\d{4}|\d{2})$")]
    private static partial Regex Packed();

    [GeneratedRegex(@"^(?:(?<d>\d{1,2})\s*[\-/.]?\s*)?(?<month>\p{L}+)\.?(?:\s*[\-/.,]?\s*(?<y>\d{4}|\d{2}))?$")]
    private static partial Regex NamedMonth();
}
