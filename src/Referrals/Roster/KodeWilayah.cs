using System.Text.RegularExpressions;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Roster;

/// <summary>Kemendagri area codes: desa/kelurahan <c>PP.KK.CC.DDDD</c>, kecamatan <c>PP.KK.CC</c>, kabupaten <c>PP.KK</c>.</summary>
public static partial class KodeWilayah
{
    /// <summary>
    /// Reads a code as typed (dots optional, as spreadsheets sometimes drop them) and returns it dotted, with its level;
    /// otherwise a short Indonesian reason.
    /// </summary>
    public static bool TryParse(string? raw, out string kode, out WilayahLevel level, out string problem)
    {
        kode = "";
        level = WilayahLevel.Desa;
        problem = "";
        var text = raw?.Trim() ?? "";
        var digits = text.Replace(".", "", StringComparison.Ordinal);

        var dotted = DottedCode().IsMatch(text);
        var plain = PlainCode().IsMatch(text);
        if (!dotted && !plain)
        {
            problem = $"kode_wilayah '{text}' tidak sesuai format (desa PP.KK.CC.DDDD, kecamatan PP.KK.CC, kabupaten PP.KK)";
            return false;
        }

        if (!WilayahTimeZone.IsKnownProvince(digits[..2]))
        {
            problem = $"kode_wilayah '{text}': kode provinsi {digits[..2]} tidak dikenal";
            return false;
        }

        (kode, level) = digits.Length switch
        {
            4 => ($"{digits[..2]}.{digits[2..4]}", WilayahLevel.Kabupaten),
            6 => ($"{digits[..2]}.{digits[2..4]}.{digits[4..6]}", WilayahLevel.Kecamatan),
            _ => ($"{digits[..2]}.{digits[2..4]}.{digits[4..6]}.{digits[6..10]}", WilayahLevel.Desa),
        };

        if (level == WilayahLevel.Desa && digits[6] is not ('1' or '2'))
        {
            problem = $"kode_wilayah '{text}': kode desa harus diawali 1 (kelurahan) atau 2 (desa)";
            kode = "";
            return false;
        }

        return true;
    }

    /// <summary>A kelurahan's desa part starts with 1 (its head is a Lurah).</summary>
    public static bool IsKelurahan(string kode) => kode.Length == 13 && kode[9] == '1';

    /// <summary>Whether an area (<paramref name="outer"/>) is or contains <paramref name="inner"/>, by code prefix.</summary>
    public static bool Covers(string outer, string inner) =>
        inner == outer || inner.StartsWith(outer + ".", StringComparison.Ordinal);

    /// <summary>The code itself and every code above it: desa, kecamatan, kabupaten (the areas whose people cover it).</summary>
    public static IReadOnlyList<string> SelfAndAncestors(string kode)
    {
        var parts = kode.Split('.');
        var result = new List<string>(parts.Length);
        for (var n = parts.Length; n >= 2; n--)
        {
            result.Add(string.Join('.', parts[..n]));
        }

        return result;
    }

    [GeneratedRegex(@"^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$")]
    private static partial Regex DottedCode();

    [GeneratedRegex(@"^(\d{4}|\d{6}|\d{10})$")]
    private static partial Regex PlainCode();
}
