using Posyandu.Conversation;
using Telegram.Bot.Types.ReplyMarkups;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>Turns a <see cref="Reply"/>'s buttons and request into Telegram's keyboards.</summary>
internal static class TelegramMarkup
{
    public const string ShareContactLabel = "📱 Bagikan nomor HP";
    public const string ShareLocationLabel = "📍 Kirim lokasi";

    // Short labels ("Ya", "Tidak", "Lewati") fit two in a row on a small phone; longer ones get their own row.
    private const int ShortLabel = 14;

    public static ReplyMarkup For(Reply reply) => reply.Request switch
    {
        ReplyRequest.Contact => RequestKeyboard(KeyboardButton.WithRequestContact(ShareContactLabel), reply.Buttons),
        ReplyRequest.Location => RequestKeyboard(KeyboardButton.WithRequestLocation(ShareLocationLabel), reply.Buttons),
        _ when reply.Buttons.Count > 0 => Inline(reply.Buttons),
        // A plain text follows a question that may have shown a share keyboard: put the normal keyboard back.
        _ => new ReplyKeyboardRemove(),
    };

    private static InlineKeyboardMarkup Inline(IReadOnlyList<Button> buttons)
    {
        var perRow = buttons.All(b => b.Label.Length <= ShortLabel) ? 2 : 1;
        var rows = buttons
            .Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))
            .Chunk(perRow);
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>
    /// A share button must live on a reply keyboard, and a message carries one keyboard; any other buttons (such as
    /// <c>Lewati</c> on an optional location) become plain keys there, which send their label as text.
    /// </summary>
    private static ReplyKeyboardMarkup RequestKeyboard(KeyboardButton share, IReadOnlyList<Button> buttons)
    {
        var rows = new List<KeyboardButton[]> { new[] { share } };
        rows.AddRange(buttons.Select(b => new[] { new KeyboardButton(b.Label) }));
        return new ReplyKeyboardMarkup(rows) { OneTimeKeyboard = true, ResizeKeyboard = true };
    }
}
