using Posyandu.Referrals.Media;
using Telegram.Bot;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>Fetches a photo a person sent (getFile, then the download) into the media folder and returns its media id, within a size cap.</summary>
/// <remarks>The download URL contains the bot token: it is built inside Telegram.Bot and never logged or stored here.</remarks>
internal sealed class TelegramPhotoDownloader(ITelegramBotClient bot, MediaStore media)
{
    private static readonly Dictionary<string, string> ExtensionByMime = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = ".jpg",
        ["image/jpg"] = ".jpg",
        ["image/png"] = ".png",
        ["image/webp"] = ".webp",
        ["image/gif"] = ".gif",
        ["image/heic"] = ".heic",
    };

    /// <summary>A phone photo is a few megabytes; an image sent as a file may be up to Telegram's 20 MB. Larger is refused.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Whether a photo declaring <paramref name="fileSize"/> (Telegram's <c>file_size</c>, when given) may be fetched.</summary>
    public static bool Fits(long? fileSize) => fileSize is null or <= MaxBytes;

    /// <summary>The media id of the stored photo, or null when the file turned out larger than <see cref="MaxBytes"/>.</summary>
    public async Task<string?> DownloadAsync(string fileId, string? mimeType, CancellationToken cancellationToken)
    {
        var file = await bot.GetFile(fileId, cancellationToken);
        if (!Fits(file.FileSize))
        {
            return null;
        }

        if (string.IsNullOrEmpty(file.FilePath))
        {
            throw new InvalidOperationException("Telegram getFile returned no file_path");
        }

        using var buffer = new MemoryStream();
        await bot.DownloadFile(file.FilePath, buffer, cancellationToken);
        if (!Fits(buffer.Length))
        {
            return null;
        }

        buffer.Position = 0;
        return await media.SaveAsync(buffer, ExtensionOf(file.FilePath, mimeType), cancellationToken);
    }

    private static string ExtensionOf(string filePath, string? mimeType)
    {
        if (mimeType is not null && ExtensionByMime.TryGetValue(mimeType, out var byMime))
        {
            return byMime;
        }

        var fromPath = Path.GetExtension(filePath).ToLowerInvariant();
        return ExtensionByMime.ContainsValue(fromPath) ? fromPath : ".jpg";
    }
}
