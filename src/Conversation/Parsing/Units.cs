namespace Posyandu.Conversation.Parsing;

/// <summary>The units a kader writes after a number, grouped by what they mean ("kg", "kilo", "kilogram").</summary>
internal static class Units
{
    private static readonly string[][] Groups =
    [
        ["m2", "m 2", "meter persegi", "meter2", "meter 2", "mtr2", "mtr 2", "mtr", "meter", "m", "meter per segi"],
        ["cm", "senti", "centi", "sentimeter", "centimeter", "sm"],
        ["mm", "milimeter"],
        ["kg", "kilo", "kilogram", "kilo gram", "kgs"],
        ["g/dl", "g dl", "gr/dl", "gr dl", "gram/dl", "gram dl", "gdl", "g", "gr", "gram"],
        ["mmhg", "mm hg"],
        ["orang", "org", "jiwa", "penghuni", "anggota"],
        ["kk", "keluarga", "kepala keluarga"],
        ["rumah", "unit", "buah", "bangunan"],
        ["kali", "x"],
        ["tahun", "thn", "th", "thun", "tahunan"],
        ["bulan", "bln", "bl"],
        ["minggu", "mgg", "mg", "pekan"],
        ["hari", "hr"],
    ];

    /// <summary>Counting words accepted after a number when the field names no unit ("3 orang", "12 kk", "2 kali").</summary>
    private static readonly string[] CountingUnits = ["orang", "kk", "rumah", "kali"];

    private static readonly HashSet<string> AllWords =
        new(Groups.SelectMany(g => g).SelectMany(w => w.Split(' ')), StringComparer.Ordinal);

    /// <summary>How a unit reads in a hint: "m²" for m2, else as the catalog spells it.</summary>
    public static string Display(string unit) => Canonical(unit) == "m2" ? "m²" : unit.Trim();

    /// <summary>The unit as a hint says "dalam …" of it ("kg", "tahun"); null for no unit or a counting word ("orang").</summary>
    public static string? Measure(string? fieldUnit) =>
        string.IsNullOrWhiteSpace(fieldUnit) || CountingUnits.Contains(Canonical(fieldUnit)) ? null : Display(fieldUnit);

    /// <summary>Whether the field is an area in m², where "6x8" means 48.</summary>
    public static bool IsArea(string? fieldUnit) => fieldUnit is not null && Canonical(fieldUnit) == "m2";

    /// <summary>Whether <paramref name="written"/> (normalized, without the number) is a way to write the field's unit.</summary>
    public static bool Accepts(string? fieldUnit, string written)
    {
        if (string.IsNullOrWhiteSpace(fieldUnit))
        {
            return CountingUnits.Any(u => GroupOf(u)!.Contains(written));
        }

        var group = GroupOf(Canonical(fieldUnit));
        return group is null ? written == Canonical(fieldUnit) : group.Contains(written);
    }

    /// <summary>Whether <paramref name="written"/> starts with some unit word, i.e. the kader used a unit other than the field's.</summary>
    public static bool LooksLikeUnit(string written)
    {
        var first = written.Split(' ', 2)[0];
        return AllWords.Contains(first) || GroupOf(written) is not null;
    }

    private static string Canonical(string unit) => unit.Trim().ToLowerInvariant().Replace("²", "2", StringComparison.Ordinal);

    private static string[]? GroupOf(string written) => Array.Find(Groups, g => g.Contains(written));
}
