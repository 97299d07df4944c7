using System.Text.Json;
using System.Text.Json.Serialization;
using Posyandu.Conversation;

namespace Posyandu.Referrals.Outbox;

/// <summary>The JSON form of a <see cref="Reply"/> as stored in the outbox.</summary>
internal static class OutboxPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(Reply reply) => JsonSerializer.Serialize(reply, Options);

    public static Reply Deserialize(string json) =>
        JsonSerializer.Deserialize<Reply>(json, Options) ?? throw new JsonException("Outbox payload is empty.");

    /// <summary>For views: a row that cannot be read shows as such instead of failing the whole list.</summary>
    public static Reply DeserializeOrPlaceholder(string json)
    {
        try
        {
            return Deserialize(json);
        }
        catch (JsonException)
        {
            return Reply.Plain("(isi pesan tidak terbaca)");
        }
    }
}
