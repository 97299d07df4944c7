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
        var validator = new RequestValidator(authToken);
        // Twilio signs the URL as it called it: with or without the default port, whichever the base URL does not say.
        return validator.Validate(url, fields, signature)
            || (OtherPortForm(url) is { } other && validator.Validate(other, fields, signature));
    }

    /// <summary>The same URL with its default port written out when it is not, or left out when it is; null when it has another port.</summary>
    private static string? OtherPortForm(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var authority = $"{uri.Scheme}://{uri.Host}";
        var rest = uri.PathAndQuery;
        var written = url.Length > authority.Length && url[authority.Length] == ':';
        if (written && uri.IsDefaultPort)
        {
            return authority + rest;
        }

        return written ? null : $"{authority}:{uri.Port}{rest}";
    }

    /// <summary>The URL Twilio called: the public base URL (or the request's own scheme and host), the path and the query.</summary>
    public static string UrlOf(HttpRequest request, string publicBaseUrl)
    {
        var origin = publicBaseUrl.Length > 0 ? publicBaseUrl : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return origin + request.Path + request.QueryString;
    }
}
