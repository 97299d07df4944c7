using System.Text;
using NumberParseException = PhoneNumbers.NumberParseException;
using PhoneNumberFormat = PhoneNumbers.PhoneNumberFormat;
using PhoneNumberType = PhoneNumbers.PhoneNumberType;
using PhoneNumberUtil = PhoneNumbers.PhoneNumberUtil;

namespace Posyandu.Conversation.Parsing;

/// <summary>Indonesian mobile numbers in E.164 (+62812…), for the phone field, the roster importer and masked logs.</summary>
public static class PhoneNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// "0812-5123-4501", "+62 812 5123 4501", "62812…", "812…", "(+62) 0812…" → "+6281251234501"; null when the text
    /// is not an Indonesian mobile number.
    /// </summary>
    public static string? ToE164(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var digits = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+' or '/' or '\u00a0'))
            {
                return null;
            }
        }

        var national = digits.ToString() switch
        {
            var d when d.StartsWith("620", StringComparison.Ordinal) => d[3..],
            var d when d.StartsWith("62", StringComparison.Ordinal) => d[2..],
            var d when d.StartsWith('0') => d[1..],
            var d => d,
        };

        // National mobile numbers start with 8 and have 9 to 12 digits after the trunk 0.
        if (!national.StartsWith('8') || national.Length is < 9 or > 12)
        {
            return null;
        }

        try
        {
            var number = Util.Parse("+62" + national, "ID");
            return Util.IsValidNumberForRegion(number, "ID")
                && Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE
                ? Util.Format(number, PhoneNumberFormat.E164)
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>"+6281251234501" → "+62812****4501": enough to recognise a number in a log, not to dial it.</summary>
    public static string Mask(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        return e164.Length >= 11 ? string.Concat(e164.AsSpan(0, 6), "****", e164.AsSpan(e164.Length - 4)) : "****";
    }
}
