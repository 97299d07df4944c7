using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Bot.Host.Security;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>
/// Polling mode (<c>Telegram:Mode=Polling</c>, for a server without a public HTTPS address): removes any webhook, then
/// long-polls <c>getUpdates</c> and hands each update to the same <see cref="TelegramUpdateHandler"/> as the webhook.
/// </summary>
/// <remarks>
/// The loop is written out rather than using Telegram.Bot's ReceiveAsync, which moves past an update before its handler
/// succeeded and ties the long-poll timeout to the HttpClient timeout. Here the offset only moves once an update is
/// recorded; an update that keeps failing is retried a few times, then skipped so one bad update cannot stop the bot.
/// </remarks>
internal sealed class TelegramPollingService(
    TelegramClients clients,
    IServiceScopeFactory scopes,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private const int PollSeconds = 25;
    private const int BatchSize = 50;
    private const int AttemptsPerUpdate = 5;
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RemoveWebhookAsync(stoppingToken);
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RemoveWebhookAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await clients.Create().DeleteWebhook(cancellationToken: stoppingToken);
                logger.LogInformation("Telegram: mode polling aktif");
                return;
            }
            catch (Exception exception) when (IsPlatformError(exception, stoppingToken))
            {
                LogFailure("deleteWebhook", exception);
                await Task.Delay(ErrorPause, stoppingToken);
            }
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var offset = 0;
        var failedUpdateId = 0;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await clients.Create().GetUpdates(offset, BatchSize, PollSeconds, TelegramUpdateHandler.AllowedUpdates, stoppingToken);
            }
            catch (Exception exception) when (IsPlatformError(exception, stoppingToken))
            {
                LogFailure("getUpdates", exception);
                await Task.Delay(ErrorPause, stoppingToken);
                continue;
            }

            foreach (var update in updates)
            {
                if (await TryHandleAsync(update, stoppingToken))
                {
                    offset = update.Id + 1;
                    continue;
                }

                failures = update.Id == failedUpdateId ? failures + 1 : 1;
                failedUpdateId = update.Id;
                if (failures >= AttemptsPerUpdate)
                {
                    logger.LogError("Update Telegram {UpdateId} dilewati setelah {Attempts} kali gagal", update.Id, failures);
                    offset = update.Id + 1;
                    continue;
                }

                await Task.Delay(ErrorPause, stoppingToken);
                break;
            }
        }
    }

    private async Task<bool> TryHandleAsync(Update update, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TelegramUpdateHandler>().HandleAsync(update, stoppingToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Update Telegram {UpdateId} gagal diproses ({Error}: {Message}); dicoba lagi",
                update.Id, exception.GetType().Name, Redaction.Clean(exception.Message, options.Value.BotToken));
            return false;
        }
    }

    private static bool IsPlatformError(Exception exception, CancellationToken stoppingToken) =>
        exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested;

    private void LogFailure(string method, Exception exception) =>
        logger.LogWarning("Telegram {Method} gagal ({Error}: {Message}); dicoba lagi", method, exception.GetType().Name,
            Redaction.Clean(exception.Message, options.Value.BotToken));
}
