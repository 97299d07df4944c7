using System.Text;
using System.Text.RegularExpressions;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>
/// Bot texts as Telegram shows them. The texts mark bold as <c>*kirim*</c>; Telegram's Markdown mode rejects a whole message
/// over one stray <c>_</c> or <c>*</c> in a name or address, so the text is escaped and sent as HTML instead.
/// </summary>
internal static partial class TelegramText
{
    public const int MaxMessageLength = 4096;
    public const int MaxCaptionLength = 1024;

    /// <summary>Escapes the text for Telegram HTML and turns <c>*word*</c> into bold.</summary>
    public static string ToHtml(string text) => Bold().Replace(Escape(text), m => $"<b>{m.Groups[1].Value}</b>");

    // Telegram's HTML needs only these three escaped; everything else (², é, emoji) stays as typed.
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The length Telegram counts against its limits: the text without the bold markers.</summary>
    public static int VisibleLength(string text) => Bold().Replace(text, m => m.Groups[1].Value).Length;

    /// <summary>Splits a text longer than Telegram allows at line ends (or hard, for one endless line).</summary>
    public static IReadOnlyList<string> Split(string text, int limit = MaxMessageLength)
    {
        if (text.Length <= limit)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            while (rest.Length > limit)
            {
                Flush(parts, current);
                parts.Add(rest[..limit]);
                rest = rest[limit..];
            }

            if (current.Length > 0 && current.Length + 1 + rest.Length > limit)
            {
                Flush(parts, current);
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(rest);
        }

        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        if (current.Length > 0)
        {
            parts.Add(current.ToString());
            current.Clear();
        }
    }

    // One line at most, no space just inside the markers: "*kirim*" is bold, "5 * 3 * 2" is not.
    [GeneratedRegex(@"\*([^\s*\n](?:[^*\n]*[^\s*\n])?)\*")]
    private static partial Regex Bold();
}
