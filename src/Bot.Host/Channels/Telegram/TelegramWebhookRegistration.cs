using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Bot.Host.Security;
using Telegram.Bot;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>
/// Webhook mode with <c>Telegram:WebhookUrl</c> set: tells Telegram at start where to deliver updates, with the secret
/// and the update kinds the bot handles. Retries in the background so a slow network never delays the start.
/// </summary>
internal sealed class TelegramWebhookRegistration(
    TelegramClients clients,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    private const int MaxAttempts = 6;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var telegram = options.Value;
        if (telegram.WebhookSecret.Length == 0)
        {
            logger.LogWarning("Telegram: mode webhook tanpa Telegram:WebhookSecret; setiap panggilan webhook ditolak (401)");
        }

        if (telegram.WebhookUrl.Length == 0)
        {
            logger.LogInformation("Telegram: mode webhook; Telegram:WebhookUrl kosong, setWebhook tidak dipanggil");
            return;
        }

        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                if (await TryRegisterAsync(telegram, attempt, stoppingToken))
                {
                    return;
                }

                if (attempt < MaxAttempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5 * attempt), stoppingToken);
                }
            }

            logger.LogError("Telegram setWebhook gagal {Attempts} kali; periksa Telegram:WebhookUrl dan jaringan", MaxAttempts);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task<bool> TryRegisterAsync(TelegramOptions telegram, int attempt, CancellationToken stoppingToken)
    {
        try
        {
            await clients.Create().SetWebhook(telegram.WebhookUrl, secretToken: telegram.WebhookSecret,
                allowedUpdates: TelegramUpdateHandler.AllowedUpdates, cancellationToken: stoppingToken);
            logger.LogInformation("Telegram: webhook terdaftar di {Host}", new Uri(telegram.WebhookUrl).Host);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Telegram setWebhook gagal (percobaan {Attempt}: {Error}: {Message})", attempt,
                exception.GetType().Name, Redaction.Clean(exception.Message, telegram.BotToken));
            return false;
        }
    }
}
