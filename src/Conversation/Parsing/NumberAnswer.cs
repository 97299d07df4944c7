using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>
/// Integer and decimal fields: "5", "lima", "5 orang", "± 5", "kurang lebih 5", "1.200", "7,5 kg", "dua puluh lima",
/// and for an m² field the dimensions "6x8" (48). A unit other than the field's is refused rather than converted.
/// </summary>
internal static partial class NumberAnswer
{
    /// <summary>Words after a number that only say it is approximate ("30 lebih", "5 kurang lebih"); longest first.</summary>
    private static readonly string[] TrailingApproximations = ["kurang lebih", "lebih kurang", "kira kira", "lebih"];

    /// <summary>How a kader says "none" when asked how many ("korban jiwa: nihil").</summary>
    private static readonly HashSet<string> Zero = new(StringComparer.Ordinal)
    {
        "tidak ada", "tdk ada", "tak ada", "ga ada", "gak ada", "nggak ada", "enggak ada", "belum ada", "nihil", "kosong",
    };

    public static ParseResult Parse(FieldDefinition field, string text)
    {
        var cleaned = Clean(text);
        var (value, rest) = Zero.Contains(string.Join(' ', InputText.Words(cleaned)))
            ? (0m, "")
            : ReadDimensions(field, cleaned) ?? ReadNumber(cleaned) ?? (null, "");
        if (value is null)
        {
            return ParseResult.Refuse(Hint(field));
        }

        var unit = NormalizeRest(rest);
        if (unit.Length > 0 && !Units.Accepts(field.Unit, unit))
        {
            return ParseResult.Refuse(Units.LooksLikeUnit(unit) && Units.Measure(field.Unit) is { } measure
                ? $"Mohon tulis dalam {measure}, {Example(field)}."
                : Hint(field));
        }

        if (field.Type == FieldType.Integer && value.Value != decimal.Truncate(value.Value))
        {
            return ParseResult.Refuse($"Mohon isi bilangan bulat tanpa koma, {Example(field)}.");
        }

        if (value < field.Min || value > field.Max)
        {
            return ParseResult.Refuse($"Mohon isi angka {RangeText(field)}, {Example(field)}.");
        }

        return ParseResult.Accept(new Answer { Number = value });
    }

    public static string Hint(FieldDefinition field)
    {
        var unit = Units.Measure(field.Unit) is { } measure ? $" dalam {measure}" : "";
        var range = RangeText(field);
        var dimensions = Units.IsArea(field.Unit) ? " (atau panjang x lebar, misalnya 6x8)" : "";
        return $"Mohon tulis satu angka{unit}{(range.Length > 0 ? " " + range : "")}, {Example(field)}{dimensions}.";
    }

    /// <summary>Lower case, "²" as "2", "×" as "x", no closing punctuation, no leading "± / kurang lebih / sekitar / ada".</summary>
    private static string Clean(string text)
    {
        var s = InputText.Collapse(text.ToLowerInvariant())
            .Replace("²", "2", StringComparison.Ordinal)
            .Replace('×', 'x')
            .TrimEnd('.', '!', '?', ',', ';', ')', ' ');
        string before;
        do
        {
            before = s;
            s = LeadingApproximation().Replace(s, "").TrimStart();
        }
        while (s != before);

        // "50an", "50-an" (fifty or so) reads as 50.
        return AboutSuffix().Replace(s, "");
    }

    /// <summary>"6x8", "6 x 8 m", "6m x 8m", "6,5 kali 8" for an m² field: the area.</summary>
    private static (decimal?, string)? ReadDimensions(FieldDefinition field, string text)
    {
        if (!Units.IsArea(field.Unit) || Dimensions().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var a = IndonesianNumbers.ParseDigits(match.Groups["a"].Value);
        var b = IndonesianNumbers.ParseDigits(match.Groups["b"].Value);
        return a is null || b is null ? null : (a * b, match.Groups["rest"].Value);
    }

    /// <summary>A leading number in digits ("1.200", "7,5", "2 ribu", "6 setengah") or words ("dua puluh lima"), and what follows it.</summary>
    private static (decimal?, string)? ReadNumber(string text)
    {
        if (LeadingDigits().Match(text) is { Success: true } match)
        {
            var value = IndonesianNumbers.ParseDigits(match.Groups["num"].Value.Replace(" ", "", StringComparison.Ordinal));
            if (value is null)
            {
                return null;
            }

            var rest = match.Groups["rest"].Value;
            var words = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            var first = words.Length > 0 ? words[0] : "";
            var remaining = words.Length > 1 ? words[1] : "";
            return first switch
            {
                "ribu" or "rb" => (value * 1000, remaining),
                "juta" or "jt" => (value * 1_000_000, remaining),
                "setengah" when value == decimal.Truncate(value.Value) && value >= 0 => (value + 0.5m, remaining),
                _ => (value, rest),
            };
        }

        var list = IndonesianNumbers.SplitWords(text);
        var read = IndonesianNumbers.ReadWords(list, 0, out var used);
        return read is null ? null : (read, string.Join(' ', list.Skip(used)));
    }

    /// <summary>What follows the number, as unit words: punctuation other than "/" dropped, fillers and "lebih" removed.</summary>
    private static string NormalizeRest(string rest)
    {
        var words = NonUnitPunctuation().Replace(rest.ToLowerInvariant(), " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !InputText.IsFiller(w))
            .ToList();
        var joined = string.Join(' ', words);
        foreach (var approximation in TrailingApproximations)
        {
            if (joined == approximation)
            {
                return "";
            }

            if (joined.EndsWith(" " + approximation, StringComparison.Ordinal))
            {
                joined = joined[..^(approximation.Length + 1)];
            }
        }

        return joined;
    }

    private static string RangeText(FieldDefinition field) => (field.Min, field.Max) switch
    {
        ({ } min, { } max) => $"antara {IndonesianNumbers.Format(min)} dan {IndonesianNumbers.Format(max)}",
        ({ } min, null) => $"paling sedikit {IndonesianNumbers.Format(min)}",
        (null, { } max) => $"paling banyak {IndonesianNumbers.Format(max)}",
        _ => "",
    };

    private static string Example(FieldDefinition field)
    {
        if (!string.IsNullOrWhiteSpace(field.Example))
        {
            return "misalnya " + field.Example.Trim();
        }

        var value = (field.Min, field.Max) switch
        {
            ({ } min, { } max) => Math.Round((min + max) / 2, MidpointRounding.AwayFromZero),
            ({ } min, null) => min,
            (null, { } max) => Math.Round(max / 2, MidpointRounding.AwayFromZero),
            _ => 5m,
        };
        var unit = string.IsNullOrWhiteSpace(field.Unit) ? "" : " " + Units.Display(field.Unit);
        return $"misalnya {IndonesianNumbers.Format(value)}{unit}";
    }

    [GeneratedRegex(@"^(?:±|\+\s*/?\s*-|(?:kurang\s*lebih|lebih\s*kurang|kurleb|kira[\s-]*kira|kira2|krg\s*lbh|kr\s*lbh|krg\s*lebih|kurang\s*lbh|sekitar|sktr|kl|hampir|ada|jumlahnya|jumlah|total)\b)")]
    private static partial Regex LeadingApproximation();

    [GeneratedRegex(@"(?<=\d)\s*-?an\b")]
    private static partial Regex AboutSuffix();

    [GeneratedRegex(@"^(?<a>\d+(?:[.,]\d+)?)\s*(?:m|meter|mtr)?\s*(?:x|\*|kali)\s*(?<b>\d+(?:[.,]\d+)?)\s*(?<rest>.*)$")]
    private static partial Regex Dimensions();

    [GeneratedRegex(@"^(?<num>-?\s*\d[\d.,]*?)[.,]?\s*(?<rest>(?:[^\d.,].*)?)$")]
    private static partial Regex LeadingDigits();

    [GeneratedRegex(@"[^\p{L}\p{Nd}/]+")]
    private static partial Regex NonUnitPunctuation();
}
