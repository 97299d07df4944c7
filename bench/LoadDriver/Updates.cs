using System.Globalization;
using System.Text.Json.Nodes;

namespace Posyandu.Bench.LoadDriver;

/// <summary>Telegram updates shaped like the real ones (the test project's TestData samples): text, button press, contact, location, photo.</summary>
internal static class Updates
{
    private static int _nextUpdateId = 500_000_000;
    private static int _nextMessageId = 1;

    public static JsonObject Text(SimulatedPerson person, string text) => Message(person, m => m["text"] = text);

    /// <summary>The person shares their own contact (contact.user_id == from.id), as the bot's share button does.</summary>
    public static JsonObject OwnContact(SimulatedPerson person) => Message(person, m => m["contact"] = new JsonObject
    {
        ["phone_number"] = person.Phone.TrimStart('+'),
        ["first_name"] = person.Nama,
        ["user_id"] = person.ChatId,
    });

    public static JsonObject Location(SimulatedPerson person, double latitude, double longitude) =>
        Message(person, m => m["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude });

    public static JsonObject Photo(SimulatedPerson person, string caption) => Message(person, m =>
    {
        m["photo"] = new JsonArray(
            PhotoSize("AgACAgUAAxkBAAIBQ2cAAQ1aAAQ", 1432, 90, 67),
            PhotoSize("AgACAgUAAxkBAAIBQ2cAAQ1aAAS", 18211, 320, 240),
            PhotoSize("AgACAgUAAxkBAAIBQ2cAAQ1aAAT", 98311, 1280, 960));
        m["caption"] = caption;
    });

    /// <summary>A press of an inline button with <paramref name="data"/> under an earlier bot message.</summary>
    public static JsonObject Callback(SimulatedPerson person, string data) => new()
    {
        ["update_id"] = NextUpdateId(),
        ["callback_query"] = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["from"] = User(person),
            ["chat_instance"] = "-538201934820193",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                ["from"] = new JsonObject { ["id"] = 7012345678, ["is_bot"] = true, ["first_name"] = "Posyandu Bot", ["username"] = "posyandu_load_bot" },
                ["chat"] = Chat(person),
                ["date"] = Now(),
                ["text"] = "…",
            },
        },
    };

    private static JsonObject Message(SimulatedPerson person, Action<JsonObject> fill)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["from"] = User(person),
            ["chat"] = Chat(person),
            ["date"] = Now(),
        };
        fill(message);
        return new JsonObject { ["update_id"] = NextUpdateId(), ["message"] = message };
    }

    private static JsonObject User(SimulatedPerson person) => new()
    {
        ["id"] = person.ChatId,
        ["is_bot"] = false,
        ["first_name"] = person.Nama,
        ["language_code"] = "id",
    };

    private static JsonObject Chat(SimulatedPerson person) => new()
    {
        ["id"] = person.ChatId,
        ["first_name"] = person.Nama,
        ["type"] = "private",
    };

    private static JsonObject PhotoSize(string fileId, int size, int width, int height) => new()
    {
        ["file_id"] = fileId,
        ["file_unique_id"] = "AQADm7wxG" + width.ToString(CultureInfo.InvariantCulture),
        ["file_size"] = size,
        ["width"] = width,
        ["height"] = height,
    };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static int NextUpdateId() => Interlocked.Increment(ref _nextUpdateId);
}
