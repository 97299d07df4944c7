using Microsoft.Extensions.Primitives;
using Twilio.Security;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with the Twilio library's validator: HMAC-SHA1 with the auth token over the URL Twilio
/// called (from <c>Twilio:PublicBaseUrl</c> behind a proxy, with or without the default port) and the sorted form fields.
/// </summary>
internal static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, StringValues>> form, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        return new RequestValidator(authToken).Validate(url, fields, signature);
    }

    /// <summary>The URL Twilio called: the public base URL (or the request's own scheme and host), the path and the query.</summary>
    public static string UrlOf(HttpRequest request, string publicBaseUrl)
    {
        var origin = publicBaseUrl.Length > 0 ? publicBaseUrl : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return origin + request.Path + request.QueryString;
    }
}
