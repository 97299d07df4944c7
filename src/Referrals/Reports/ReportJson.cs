using System.Text.Json;
using System.Text.Json.Serialization;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Referrals.Reports;

/// <summary>The JSON columns of a report: answers, summary lines, assessment, photo ids.</summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<AnswerLine> Lines(string json) => Read<List<AnswerLine>>(json) ?? [];

    public static IReadOnlyList<string> Photos(string json) => Read<List<string>>(json) ?? [];

    public static Assessment Assessment(string json)
    {
        var stored = Read<Assessment>(json);
        return stored is { Values: not null, Flags: not null }
            ? stored
            : new Assessment(stored?.Values ?? [], stored?.Flags ?? [], stored?.Urgency ?? Conversation.Urgency.Biasa) { HideReporter = stored?.HideReporter ?? false };
    }

    // A column that cannot be read shows as empty rather than failing the whole report view.
    private static T? Read<T>(string json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
