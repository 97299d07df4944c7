using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Bot.Host.Security;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>
/// <c>POST /webhooks/telegram</c> (body capped by <see cref="WebhookBodyLimit"/>): checks Telegram's secret header before
/// reading anything, reads the update with Telegram.Bot's own JSON rules and answers 200 once it is recorded (an update
/// the bot does not use too); a failure answers 500 so Telegram delivers it again.
/// </summary>
internal static class TelegramWebhook
{
    public const string Path = "/webhooks/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest<string>, StatusCodeHttpResult>> HandleAsync(
        HttpContext http,
        IOptionsMonitor<TelegramOptions> options,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var telegram = options.CurrentValue;
        if (!telegram.Enabled || !Secrets.Matches(http.Request.Headers[SecretHeader].ToString(), telegram.WebhookSecret))
        {
            return TypedResults.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest("Update tidak dapat dibaca");
        }

        if (update is null)
        {
            return TypedResults.BadRequest("Update kosong");
        }

        var logger = loggers.CreateLogger(typeof(TelegramWebhook));
        try
        {
            // Finish the work even if Telegram hangs up early: the update is then recorded, and its redelivery is a duplicate.
            var handler = http.RequestServices.GetRequiredService<TelegramUpdateHandler>();
            var outcome = await handler.HandleAsync(update, lifetime.ApplicationStopping);
            logger.LogDebug("Update Telegram {UpdateId}: {Outcome}", update.Id, outcome);
            return TypedResults.Ok();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Platform errors can carry Bot API addresses (with the token) in their inner details: only their cleaned message.
            var details = exception is global::Telegram.Bot.Exceptions.RequestException or HttpRequestException ? null : exception;
            logger.LogError(details, "Update Telegram {UpdateId} gagal diproses ({Error}: {Message}); Telegram akan mengirim ulang",
                update.Id, exception.GetType().Name, Redaction.Clean(exception.Message, telegram.BotToken));
            return TypedResults.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }
}
