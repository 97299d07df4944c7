using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Bot.Host.Security;
using Twilio.TwiML;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio</c>: a signed WhatsApp or SMS message. Answers an empty TwiML <c>&lt;Response/&gt;</c> once it is
/// recorded; every reply leaves later through the outbox and the REST API, so retries and pacing stay the bot's own.
/// </summary>
internal static class TwilioWebhook
{
    private static readonly string EmptyTwiml = new MessagingResponse().ToString();

    public static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptionsMonitor<TwilioOptions> options,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var twilio = options.CurrentValue;
        var (form, status) = await TwilioRequests.ReadSignedFormAsync(http, twilio);
        if (form is null)
        {
            return Results.StatusCode(status);
        }

        var logger = loggers.CreateLogger(typeof(TwilioWebhook));
        try
        {
            // Finish even if Twilio hangs up early: the message is then recorded, and a redelivery is a duplicate.
            var handler = http.RequestServices.GetRequiredService<TwilioMessageHandler>();
            var outcome = await handler.HandleAsync(form, lifetime.ApplicationStopping);
            if (outcome is null)
            {
                return Results.BadRequest("From dan MessageSid wajib ada");
            }

            logger.LogDebug("Pesan Twilio {MessageSid}: {Outcome}", form["MessageSid"].ToString(), outcome);
            return Results.Content(EmptyTwiml, "text/xml");
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError("Pesan Twilio {MessageSid} gagal diproses ({Error}: {Message})", form["MessageSid"].ToString(),
                exception.GetType().Name, Redaction.Clean(exception.Message, twilio.AuthToken));
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }
}
