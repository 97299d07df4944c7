using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals.Media;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// Fetches a photo a person sent on WhatsApp or MMS (its <c>MediaUrl</c>, with the account's Basic auth) into the media
/// folder. Only images, at most <see cref="MaxBytes"/>; anything else is refused with null.
/// </summary>
internal sealed class TwilioMediaDownloader(TwilioClients clients, IOptions<TwilioOptions> options, MediaStore media, ILogger<TwilioMediaDownloader> logger)
{
    /// <summary>WhatsApp caps images at 5 MB; a little room for MMS.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    private static readonly Dictionary<string, string> ExtensionByMime = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = "jpg",
        ["image/jpg"] = "jpg",
        ["image/png"] = "png",
        ["image/webp"] = "webp",
        ["image/gif"] = "gif",
    };

    /// <summary>Whether Twilio's declared content type is an image this bot keeps.</summary>
    public static bool IsImage(string? contentType) => contentType is not null && ExtensionByMime.ContainsKey(contentType.Split(';')[0].Trim());

    /// <summary>The stored media id, or null when the download failed, was not an image or was too large.</summary>
    public async Task<string?> DownloadAsync(string mediaUrl, string contentType, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(mediaUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return null;
        }

        var twilio = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));

        using var response = await clients.Http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var type = response.Content.Headers.ContentType?.MediaType ?? contentType;
        if (!response.IsSuccessStatusCode || !IsImage(type) || response.Content.Headers.ContentLength > MaxBytes)
        {
            logger.LogWarning("Media Twilio tidak diambil: status {Status}, jenis {Type}, ukuran {Length}",
                (int)response.StatusCode, type, response.Content.Headers.ContentLength);
            return null;
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                logger.LogWarning("Media Twilio lebih dari {Max} byte; tidak disimpan", MaxBytes);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return await media.SaveAsync(buffer, ExtensionByMime[type.Split(';')[0].Trim()], cancellationToken);
    }
}
