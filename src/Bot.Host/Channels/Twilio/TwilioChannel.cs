namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// The two channels Twilio carries and how their addresses look: the chat address is the person's E.164 number on both;
/// Twilio writes it <c>whatsapp:+62…</c> for WhatsApp and <c>+62…</c> for SMS.
/// </summary>
internal static class TwilioChannel
{
    public const string WhatsApp = "whatsapp";
    public const string Sms = "sms";
    public const string HttpClientName = "twilio";
    public const string WebhookPath = "/webhooks/twilio";
    public const string StatusPath = "/webhooks/twilio/status";
    private const string WhatsAppPrefix = "whatsapp:";

    /// <summary>The channel and E.164 number of a <c>From</c> or <c>To</c> value; null when it is neither form.</summary>
    public static (string Channel, string Number)? Parse(string? value)
    {
        var text = value?.Trim() ?? "";
        var channel = Sms;
        if (text.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase))
        {
            channel = WhatsApp;
            text = text[WhatsAppPrefix.Length..];
        }

        return text.Length is > 1 and <= 20 && text[0] == '+' && text.Skip(1).All(char.IsAsciiDigit) ? (channel, text) : null;
    }

    /// <summary>What Twilio expects in <c>To</c> for a chat address on <paramref name="channel"/>.</summary>
    public static string ToAddress(string channel, string number) => channel == WhatsApp ? WhatsAppPrefix + number : number;
}
