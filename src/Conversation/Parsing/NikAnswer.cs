using System.Globalization;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>
/// NIK (Nomor Induk Kependudukan): 16 digits, spaces, dots or dashes allowed. Digits 1–2 are the province (11–99);
/// digits 7–12 the birth date DDMMYY, the day plus 40 for women.
/// </summary>
internal static class NikAnswer
{
    private const int Length = 16;

    public static ParseResult Parse(FieldDefinition field, string text)
    {
        var compact = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal);
        if (!compact.All(char.IsAsciiDigit))
        {
            return ParseResult.Refuse($"NIK hanya berisi angka. {Hint(field)}");
        }

        if (compact.Length != Length)
        {
            return ParseResult.Refuse($"NIK harus {Length} angka, yang Bapak/Ibu tulis {compact.Length} angka. {Hint(field)}");
        }

        var province = Digits(compact, 0, 2);
        if (province < 11)
        {
            return ParseResult.Refuse("Kode provinsi NIK (2 angka pertama) tidak benar. Mohon periksa lagi KTP atau KK-nya.");
        }

        if (!HasBirthDate(compact))
        {
            return ParseResult.Refuse("Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak benar. Mohon periksa lagi KTP atau KK-nya.");
        }

        return ParseResult.Accept(new Answer { Text = compact });
    }

    public static string Hint(FieldDefinition field) =>
        $"Mohon tulis NIK {Length} angka dari KTP atau KK, {InputText.ForExample(field, "3201 0112 0885 0001")}.";

    /// <summary>DDMMYY with DD+40 for women; the two-digit year may be 19xx or 20xx, so either century making it real will do.</summary>
    private static bool HasBirthDate(string nik)
    {
        var day = Digits(nik, 6, 2);
        var month = Digits(nik, 8, 2);
        var year = Digits(nik, 10, 2);
        if (day > 40)
        {
            day -= 40;
        }

        return month is >= 1 and <= 12 && day >= 1
            && (day <= DateTime.DaysInMonth(1900 + year, month) || day <= DateTime.DaysInMonth(2000 + year, month));
    }

    private static int Digits(string text, int start, int count) =>
        int.Parse(text.AsSpan(start, count), NumberStyles.None, CultureInfo.InvariantCulture);
}
