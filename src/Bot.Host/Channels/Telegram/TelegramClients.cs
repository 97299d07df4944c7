using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Telegram.Bot;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>
/// Makes Bot API clients over the <c>telegram</c> HttpClient, a new one per use: long-lived holders (the outbox's sender is
/// a singleton) would otherwise pin one connection pool forever and never see a DNS change.
/// </summary>
internal sealed class TelegramClients(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public ITelegramBotClient Create()
    {
        var telegram = options.Value;
        var clientOptions = new TelegramBotClientOptions(telegram.BotToken, telegram.ApiBaseUrl)
        {
            // No sleeping inside the client on 429: the outbox reschedules the message honouring retry_after.
            RetryThreshold = 0,
        };
        return new TelegramBotClient(clientOptions, httpClients.CreateClient(TelegramChannel.HttpClientName));
    }
}
