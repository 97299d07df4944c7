namespace Posyandu.Bot.Host.Api;

/// <summary>What each API query parameter accepts, in the sentence a 400 answer gives for it.</summary>
internal static class ApiParameterHints
{
    private static readonly Dictionary<string, string> Hints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bidang"] = "Kode bidang: " + string.Join(", ", BidangCode.All) + ".",
        ["status"] = "Status rujukan: " + string.Join(", ", ApiNames.All<Referrals.Persistence.ReferralStatus>()) + ".",
        ["since"] = "Tanggal (2025-11-01) atau waktu ISO 8601 (2025-11-01T08:00:00+08:00).",
        ["page"] = "Bilangan bulat 1 atau lebih.",
        ["pageSize"] = "Bilangan bulat 1 sampai 100.",
    };

    public static string For(string parameter) =>
        Hints.TryGetValue(parameter, out var hint) ? hint : $"Nilai parameter '{parameter}' tidak sesuai.";
}
