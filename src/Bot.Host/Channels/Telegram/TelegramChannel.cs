namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>The Telegram channel's names: the channel in envelopes and the outbox, and the HttpClient the Bot API client uses.</summary>
internal static class TelegramChannel
{
    public const string Name = "telegram";
    public const string HttpClientName = "telegram";
}
