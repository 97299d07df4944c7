using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals.Media;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// Photos for Twilio to fetch (an alert's <c>MediaUrl</c>): <c>GET /media/twilio/{id}?expires=…&amp;sig=…</c>, an HMAC over the
/// media id and the expiry, keyed from the auth token. A wrong or old signature gets 403, an unknown photo 404.
/// </summary>
internal sealed class TwilioMediaLinks(IOptions<TwilioOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/media/twilio/";

    /// <summary>Long enough for a queued WhatsApp message to be fetched, short enough that a leaked link soon dies.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The signed public URL of a stored photo; null when there is no public base URL to build it on.</summary>
    public Uri? UrlFor(string mediaId)
    {
        var twilio = options.Value;
        if (twilio.PublicBaseUrl.Length == 0 || !MediaStore.IsValidId(mediaId))
        {
            return null;
        }

        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        return new Uri(FormattableString.Invariant($"{twilio.PublicBaseUrl}{PathPrefix}{mediaId}?expires={expires}&sig={Sign(mediaId, expires)}"));
    }

    /// <summary>Whether <paramref name="signature"/> is this host's for the id and the expiry has not passed.</summary>
    public bool IsValid(string mediaId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || expiresAt < time.GetUtcNow().ToUnixTimeSeconds()
            || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(mediaId, expiresAt));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(string mediaId, long expires)
    {
        // A key of its own, derived from the auth token, so a media link never reveals anything about the token.
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("posyandu-media-link:" + options.Value.AuthToken));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(FormattableString.Invariant($"{mediaId}:{expires}")));
        return WebEncoders.Base64UrlEncode(mac);
    }

    /// <summary>Serves the photo behind a signed link; refuses every link while the Twilio channel is off.</summary>
    public static IResult Serve(string id, HttpContext http)
    {
        var request = http.Request;
        var links = http.RequestServices.GetService<TwilioMediaLinks>();
        var media = http.RequestServices.GetRequiredService<MediaStore>();
        if (links is null || !MediaStore.IsValidId(id) || !links.IsValid(id, request.Query["expires"], request.Query["sig"]))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var path = media.PathOf(id);
        return File.Exists(path) ? Results.File(path, ContentTypeOf(id)) : Results.NotFound();
    }

    private static string ContentTypeOf(string id) => Path.GetExtension(id) switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "image/jpeg",
    };
}
