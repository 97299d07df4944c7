using System.Globalization;
using System.Text.Json.Nodes;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// Telegram updates for the tests, built from the real sample payloads in TestData (copied from the spec's samples) with
/// a fresh update_id and, where a test needs it, another chat, text, button data or contact.
/// </summary>
public static class Updates
{
    private static int _nextUpdateId = 913_000_000;

    /// <summary>A sample exactly as shipped (its own update_id).</summary>
    public static JsonObject Sample(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", file)))!.AsObject();

    public static JsonObject Text(TelegramUser person, string text)
    {
        var update = FromSample("telegram-text.json", person);
        update["message"]!["text"] = text;
        return update;
    }

    public static JsonObject Start(TelegramUser person) => FromSample("telegram-start.json", person);

    /// <summary>A button press (callback query) in the person's chat.</summary>
    public static JsonObject Callback(TelegramUser person, string data)
    {
        var update = FromSample("telegram-callback.json", person);
        var query = update["callback_query"]!;
        query["id"] = Guid.NewGuid().ToString("N");
        query["from"]!["id"] = person.ChatId;
        query["message"]!["chat"]!["id"] = person.ChatId;
        query["data"] = data;
        return update;
    }

    public static JsonObject Photo(TelegramUser person, string? caption = "tampak depan")
    {
        var update = FromSample("telegram-photo.json", person);
        update["message"]!["caption"] = caption;
        return update;
    }

    public static JsonObject Location(TelegramUser person) => FromSample("telegram-location.json", person);

    /// <summary>The person shares their own contact (contact.user_id == from.id): proves their number.</summary>
    public static JsonObject OwnContact(TelegramUser person)
    {
        var update = FromSample("telegram-contact-own.json", person);
        var contact = update["message"]!["contact"]!;
        contact["phone_number"] = person.Phone;
        contact["first_name"] = person.Name;
        contact["user_id"] = person.ChatId;
        return update;
    }

    /// <summary>Reuses a sample with a fresh update_id and the person's chat.</summary>
    public static JsonObject FromSample(string file, TelegramUser person)
    {
        var update = Sample(file);
        update["update_id"] = NextUpdateId();
        if (update["message"] is JsonObject message)
        {
            message["from"]!["id"] = person.ChatId;
            if ((string?)message["chat"]!["type"] == "private")
            {
                message["chat"]!["id"] = person.ChatId;
            }
        }

        return update;
    }

    public static int NextUpdateId() => Interlocked.Increment(ref _nextUpdateId);

    public static string UpdateIdOf(JsonObject update) => ((int)update["update_id"]!).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A person of the demo roster chatting on Telegram (private chat id = user id).</summary>
public sealed record TelegramUser(string Name, string Phone, long ChatId)
{
    /// <summary>KADER of Posyandu Melati, desa Perian (bidang PR); the samples' sender.</summary>
    public static readonly TelegramUser Siti = new("Siti Rahmah", "6281251234501", 5123450001);

    /// <summary>KADES of Perian: primary recipient of RTLH referrals.</summary>
    public static readonly TelegramUser AbdulRahman = new("Abdul Rahman", "+6281351110001", 5123450101);

    /// <summary>KASI_KESRA of Perian: the other primary recipient of RTLH referrals.</summary>
    public static readonly TelegramUser Yuliani = new("Yuliani", "+6281351110002", 5123450102);

    /// <summary>BIDAN_DESA of Perian: an official who is not a recipient of RTLH referrals.</summary>
    public static readonly TelegramUser RatnaSari = new("Ratna Sari", "+6281351110003", 5123450103);

    /// <summary>Someone whose number is not in the roster.</summary>
    public static readonly TelegramUser Stranger = new("Orang Asing", "+6281299998888", 5123459999);
}
