using System.Text;
using System.Text.RegularExpressions;

namespace Posyandu.Bot.Host.Security;

/// <summary>Makes free text (exception messages, importer lines) safe to log or print: no bot token, no full phone number.</summary>
internal static partial class Redaction
{
    /// <summary>Replaces every occurrence of <paramref name="secret"/> with <c>***</c> and masks phone-like digit runs.</summary>
    public static string Clean(string? text, string? secret = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!string.IsNullOrEmpty(secret))
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return MaskPhones(text);
    }

    /// <summary>Masks any run that looks like a phone number (9 or more digits, spaces, dots or dashes between) as <c>+62812****4501</c>.</summary>
    public static string MaskPhones(string text) => PhoneLike().Replace(text, m => Mask(m.Value));

    private static string Mask(string phoneLike)
    {
        var digits = new StringBuilder();
        foreach (var c in phoneLike)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        var plus = phoneLike.StartsWith('+') ? "+" : "";
        var head = digits.ToString(0, Math.Min(plus.Length > 0 ? 5 : 4, digits.Length - 4));
        return $"{plus}{head}****{digits.ToString(digits.Length - 4, 4)}";
    }

    [GeneratedRegex(@"\+?\d(?:[\s.-]?\d){8,}")]
    private static partial Regex PhoneLike();
}
