using Posyandu.Bot.Host.Security;
using Posyandu.Referrals.Outbox;
using Twilio.Exceptions;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>Twilio's error codes the bot acts on, and what each means for the outbox.</summary>
internal static class TwilioErrors
{
    /// <summary>The person replied STOP: nothing more may be sent to them from this sender.</summary>
    public const int Unsubscribed = 21610;

    /// <summary>A free-form WhatsApp message outside the 24-hour window.</summary>
    public const int OutsideWindow = 63016;

    /// <summary>Rate or tier limit of the WhatsApp sender: back off.</summary>
    public const int RateLimited = 63018;

    /// <summary>Twilio's own "too many requests".</summary>
    public const int TooManyRequests = 20429;

    public static SendResult ToResult(ApiException exception)
    {
        var code = exception.Code == 0 ? (int?)null : exception.Code;
        var error = $"{exception.Status} {exception.Code}: {Redaction.Clean(exception.Message)}";
        return exception switch
        {
            { Status: 429 } or { Code: TooManyRequests or RateLimited } => SendResult.RetryLater(null, error, code),
            { Status: >= 500 } => SendResult.RetryLater(null, error, code),
            // No status at all: a response the library could not read, so nothing is known to be final.
            { Status: 0, Code: 0 } => SendResult.RetryLater(null, error),
            { Code: Unsubscribed } => SendResult.OptedOut(error, code),
            // 21211 invalid number, 21408 region not enabled, 21612 unroutable, 63016 outside the window, and the rest:
            // sending the same again will not help.
            _ => SendResult.Rejected(error, code),
        };
    }
}
