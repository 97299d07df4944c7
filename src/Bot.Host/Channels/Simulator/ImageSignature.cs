namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>
/// Recognises the photo formats the simulator accepts from their first bytes, because a browser's declared content type
/// is only the file name's guess.
/// </summary>
internal static class ImageSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 12;

    /// <summary>The file extension (without dot) for a JPEG, PNG, GIF or WebP header; null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return "jpg";
        }

        if (header.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return "gif";
        }

        if (header.Length >= HeaderLength && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        return null;
    }

    /// <summary>The content type to serve a stored photo with, by its extension; null when it is not one of ours.</summary>
    public static string? ContentTypeOf(string mediaId) => Path.GetExtension(mediaId).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => null,
    };
}
