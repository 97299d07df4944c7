using System.Globalization;
using System.Text.RegularExpressions;

namespace Posyandu.Conversation.Parsing;

/// <summary>Numbers the Indonesian way: "7,5" and "1.200" on screen; digits or words ("dua puluh lima") when read.</summary>
public static partial class IndonesianNumbers
{
    // Built by hand rather than from CultureInfo("id-ID") so display never depends on the host's ICU data.
    private static readonly NumberFormatInfo Display = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["nol"] = 0, ["kosong"] = 0, ["satu"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5,
        ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9,
    };

    /// <summary>"7,5", "48", "1.200", "-0,25": comma decimal, dot thousands, no trailing zeros.</summary>
    public static string Format(decimal value) => value.ToString("#,##0.############################", Display);

    /// <summary>Like <see cref="Format(decimal)"/>, rounded (half away from zero) to at most <paramref name="decimals"/> places.</summary>
    public static string Format(decimal value, int decimals) =>
        Format(Math.Round(value, Math.Clamp(decimals, 0, 28), MidpointRounding.AwayFromZero));

    /// <summary>
    /// Reads a number written with digits ("5", "1.200", "7,5", "7.5", "1.200,5") or in words ("lima", "dua puluh lima",
    /// "seratus dua", "enam setengah", "tujuh koma lima"); null when the whole text is not one number.
    /// </summary>
    public static decimal? Parse(string text)
    {
        var trimmed = text.Trim();
        return ParseDigits(trimmed) ?? ParseWords(trimmed);
    }

    /// <summary>
    /// Reads digits with Indonesian separators: a comma is the decimal mark; a dot followed by exactly three digits groups
    /// thousands ("1.200"), any other single dot is a decimal point ("7.5"). Null when not such a number.
    /// </summary>
    public static decimal? ParseDigits(string text)
    {
        var s = text.Trim();
        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..].TrimStart();
        }

        string invariant;
        if (ThousandsWithOptionalComma().IsMatch(s))
        {
            invariant = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (CommaDecimal().IsMatch(s))
        {
            invariant = s.Replace(',', '.');
        }
        else if (PointDecimal().IsMatch(s))
        {
            invariant = s;
        }
        else
        {
            return null;
        }

        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return negative ? -value : value;
    }

    /// <summary>
    /// Reads a number in Indonesian words up to the millions: "sebelas", "dua puluh lima", "seratus dua", "seribu",
    /// "tiga ribu dua ratus", plus "setengah" (a half) and "koma" followed by digit words. Null when not a number.
    /// </summary>
    public static decimal? ParseWords(string text)
    {
        var words = SplitWords(text);
        return words.Count == 0 ? null : ReadWords(words, 0, out var used) is { } value && used == words.Count ? value : null;
    }

    /// <summary>Splits on spaces and hyphens ("se-ratus", "dua-puluh"), lower-cased, joining a loose "se" to the next word.</summary>
    internal static List<string> SplitWords(string text)
    {
        var raw = text.ToLowerInvariant().Split([' ', '-', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == "se" && i + 1 < raw.Length)
            {
                words.Add("se" + raw[++i]);
            }
            else
            {
                words.Add(raw[i]);
            }
        }

        return words;
    }

    /// <summary>
    /// Reads the longest run of number words starting at <paramref name="start"/>; <paramref name="used"/> is how many
    /// words it took (0 and null when the first word is not a number word).
    /// </summary>
    internal static decimal? ReadWords(IReadOnlyList<string> words, int start, out int used)
    {
        var reader = new WordReader();
        var i = start;
        while (i < words.Count && reader.Take(words[i]))
        {
            i++;
        }

        if (i < words.Count && words[i] == "koma" && reader.HasValue)
        {
            var fraction = ReadFractionDigits(words, i + 1, out var digitWords);
            if (digitWords > 0)
            {
                used = i + 1 + digitWords - start;
                return reader.Value + fraction;
            }
        }

        used = i - start;
        return reader.HasValue ? reader.Value : null;
    }

    private static decimal ReadFractionDigits(IReadOnlyList<string> words, int start, out int count)
    {
        var digits = "";
        count = 0;
        while (start + count < words.Count && Units.TryGetValue(words[start + count], out var digit))
        {
            digits += digit.ToString(CultureInfo.InvariantCulture);
            count++;
        }

        return count == 0 ? 0m : decimal.Parse("0." + digits, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Assembles a number word by word. A "group" is the part below a thousand being built; a pending unit waits for
    /// "belas", "puluh" or "ratus" to say what it multiplies. Out-of-order words ("dua tiga", "lima ratus seratus") stop it.
    /// </summary>
    private sealed class WordReader
    {
        private decimal total;
        private int group;
        private int? pending;
        private decimal half;
        private bool any;
        private bool closed;

        public bool HasValue => any;

        public decimal Value => total + group + (pending ?? 0) + half;

        public bool Take(string word)
        {
            if (closed)
            {
                return false;
            }

            if (Units.TryGetValue(word, out var unit))
            {
                if (pending is not null || (unit == 0 && (any || group > 0)))
                {
                    return false;
                }

                pending = unit;
                if (unit == 0)
                {
                    closed = true;
                }

                return Accept();
            }

            return word switch
            {
                "sepuluh" => AddToGroup(10, 100),
                "sebelas" => AddToGroup(11, 100),
                "seratus" => AddToGroup(100, 1000),
                "belas" => Scale(u => 10 + u, 100),
                "puluh" => Scale(u => u * 10, 100),
                "ratus" => Scale(u => u * 100, 1000),
                "seribu" => Multiply(1000, alone: true),
                "sejuta" => Multiply(1_000_000, alone: true),
                "ribu" or "rb" => Multiply(1000, alone: false),
                "juta" or "jt" => Multiply(1_000_000, alone: false),
                "setengah" => Half(),
                _ => false,
            };
        }

        private bool Accept()
        {
            any = true;
            return true;
        }

        /// <summary>Adds a self-contained word ("sepuluh") when the group has no digit in the places it fills.</summary>
        private bool AddToGroup(int amount, int placeLimit)
        {
            if (pending is not null || group % placeLimit != 0)
            {
                return false;
            }

            group += amount;
            return Accept();
        }

        /// <summary>Applies "belas", "puluh" or "ratus" to the pending unit.</summary>
        private bool Scale(Func<int, int> apply, int placeLimit)
        {
            if (pending is not (>= 1 and <= 9) || group % placeLimit != 0)
            {
                return false;
            }

            group += apply(pending.Value);
            pending = null;
            return Accept();
        }

        /// <summary>Closes the group with "ribu" or "juta"; "seribu" and "sejuta" stand alone.</summary>
        private bool Multiply(int scale, bool alone)
        {
            var amount = group + (pending ?? 0);
            if (alone ? amount != 0 : amount == 0)
            {
                return false;
            }

            // A larger scale must come first: "dua juta tiga ribu", never "tiga ribu dua juta".
            if (total != 0 && total % (scale * 1000m) != 0)
            {
                return false;
            }

            total += (alone ? 1 : amount) * (decimal)scale;
            group = 0;
            pending = null;
            return Accept();
        }

        private bool Half()
        {
            if (half != 0)
            {
                return false;
            }

            half = 0.5m;
            closed = true;
            return Accept();
        }
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex ThousandsWithOptionalComma();

    [GeneratedRegex(@"^\d+(,\d+)?$")]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex PointDecimal();
}
