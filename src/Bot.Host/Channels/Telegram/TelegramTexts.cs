namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>What the Telegram channel itself tells a person, before the dialog answers.</summary>
internal static class TelegramTexts
{
    public static string PhotoTooLarge() =>
        $"Maaf, file foto itu terlalu besar (lebih dari {TelegramPhotoDownloader.MaxBytes / (1024 * 1024)} MB) sehingga tidak dapat " +
        "diterima. Mohon kirim ulang sebagai foto biasa (tekan 📎 lalu pilih Galeri), bukan sebagai file.";
}
