using Microsoft.AspNetCore.Http.Features;
using Posyandu.Bot.Host.Configuration;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// What both Twilio webhooks do before anything else (their routes carry the 1 MB <see cref="WebhookBodyLimit"/>): refuse
/// a missing or wrong signature (403), and only then hand over the form fields.
/// </summary>
internal static class TwilioRequests
{
    private static readonly FormOptions Limits = new()
    {
        BufferBodyLengthLimit = WebhookBodyLimit.MaxBytes,
        ValueLengthLimit = (int)WebhookBodyLimit.MaxBytes,
        ValueCountLimit = 200,
        KeyLengthLimit = 100,
    };

    /// <summary>The signed form, or the status code to answer with.</summary>
    public static async Task<(IFormCollection? Form, int Status)> ReadSignedFormAsync(HttpContext http, TwilioOptions twilio)
    {
        var request = http.Request;
        if (!twilio.Enabled || string.IsNullOrEmpty(request.Headers[TwilioSignature.Header]))
        {
            return (null, StatusCodes.Status403Forbidden);
        }

        if (!request.HasFormContentType)
        {
            return (null, StatusCodes.Status415UnsupportedMediaType);
        }

        IFormCollection form;
        try
        {
            form = await new FormFeature(request, Limits).ReadFormAsync(http.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
        {
            // A chunked body that grew past the limit, or more fields than any Twilio request has.
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        var url = TwilioSignature.UrlOf(request, twilio.PublicBaseUrl);
        return TwilioSignature.IsValid(twilio.AuthToken, url, form, request.Headers[TwilioSignature.Header])
            ? (form, StatusCodes.Status200OK)
            : (null, StatusCodes.Status403Forbidden);
    }
}
