using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Posyandu.Conversation.Dialog;

/// <summary>Stores and restores a <see cref="Session"/> as JSON; an empty or missing value is a fresh session.</summary>
public static class SessionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputedProperties } },
    };

    public static string Serialize(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return JsonSerializer.Serialize(session, Options);
    }

    /// <summary>
    /// Reads a stored session. Unreadable JSON gives a fresh session rather than an error: a person must never be stuck
    /// behind a broken record, and the report itself is only stored on <c>kirim</c>.
    /// </summary>
    public static Session Deserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Session();
        }

        Session? session;
        try
        {
            session = JsonSerializer.Deserialize<Session>(json, Options);
        }
        catch (JsonException)
        {
            return new Session();
        }

        return Normalize(session ?? new Session());
    }

    /// <summary>A JSON <c>null</c> where a list or map belongs is read as empty, so the engine never meets a null collection.</summary>
    private static Session Normalize(Session session)
    {
        session.Drafts ??= [];
        foreach (var (topic, draft) in session.Drafts.Where(d => d.Value is null).ToList())
        {
            session.Drafts.Remove(topic);
        }

        foreach (var (topic, draft) in session.Drafts)
        {
            draft.Topic = string.IsNullOrEmpty(draft.Topic) ? topic : draft.Topic;
            draft.Step ??= FormMachine.Start;
            draft.Answers ??= [];
            draft.Selection ??= [];
            foreach (var name in draft.Answers.Where(a => a.Value is null).Select(a => a.Key).ToList())
            {
                draft.Answers.Remove(name);
            }
        }

        return session;
    }

    // Get-only properties (GeoPoint.MapLink) are derived from the others: writing them is noise and reading them is impossible.
    private static void SkipComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToList())
        {
            typeInfo.Properties.Remove(property);
        }
    }
}
