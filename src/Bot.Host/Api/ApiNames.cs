using System.Text.Json;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// The API's one casing for every closed set of values (bidang, status, urgency, timeline kinds): upper case with
/// underscores, as the bidang codes and the officials' chat commands already are (<c>PR</c>, <c>TERKIRIM</c>,
/// <c>TANPA_PENERIMA</c>). JSON, CSV, the OpenAPI document and the query parameters all use it.
/// </summary>
internal static class ApiNames
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.SnakeCaseUpper;

    public static string Of<T>(T value) where T : struct, Enum => Policy.ConvertName(value.ToString());

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(Of)];

    /// <summary>The member named <paramref name="text"/> in any case, with or without underscores; numbers are not names.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var wanted = text?.Trim().Replace("_", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
