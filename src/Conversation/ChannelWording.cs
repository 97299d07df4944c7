using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Posyandu.Conversation;

/// <summary>
/// Rewrites a <see cref="Reply"/> for a channel that cannot show everything: without buttons the choices are the numbered
/// lines already in the text and the words to type, so the buttons go and "tekan tombol" never appears; without rich
/// text (SMS) there is no bold and no emoji. Pure and idempotent: the dialog applies it, and a sender may apply it again.
/// </summary>
public static partial class ChannelWording
{
    // The specific sentences first, then the general "atau tekan tombol …" tail.
    private static readonly (Regex Pattern, string Replacement)[] WithoutButtons =
    [
        (new Regex(@", atau tekan tombol lalu ketik \*selesai\*", RegexOptions.CultureInvariant), ", lalu ketik *selesai*"),
        (new Regex(@"Tekan pilihan lain, atau ketik", RegexOptions.CultureInvariant), "Ketik nomor lain, atau ketik"),
        (new Regex(@"Tekan salah satu pilihan atau ketik nomornya\.", RegexOptions.CultureInvariant), "Ketik nomor salah satu pilihan."),
        (new Regex(@",? atau tekan tombol(?: \*[^*\n]+\*)?", RegexOptions.CultureInvariant), ""),
        (new Regex(@" dengan menekan tombol \*[^*\n]+\*( di bawah)?", RegexOptions.CultureInvariant), ""),
    ];

    // One character outside the GSM alphabet makes a whole SMS UCS-2, which fits 70 characters a segment instead of 160.
    private static readonly (string From, string To)[] GsmSubstitutes =
    [
        ("•", "-"), ("–", "-"), ("—", "-"), ("²", "2"), ("³", "3"), ("‘", "'"), ("’", "'"), ("“", "\""), ("”", "\""), ("…", "..."),
    ];

    public static Reply Adapt(Reply reply, ChannelCapabilities channel)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Buttons)
        {
            return reply;
        }

        var text = reply.Text;
        foreach (var (pattern, replacement) in WithoutButtons)
        {
            text = pattern.Replace(text, replacement);
        }

        // WhatsApp shares a location through the attachment menu; a plain phone can only describe the place.
        text = channel.RichText
            ? LocationButton().Replace(text, " (tekan 📎 lalu pilih Lokasi)")
            : LocationQuestion().Replace(text, "Mohon ketik patokan terdekat untuk lokasi$1.");
        if (!channel.RichText)
        {
            text = Plain(text);
        }

        return reply with { Text = text, Buttons = [], Request = ReplyRequest.None };
    }

    /// <summary>SMS text: no bold markers, bullets as dashes, no emoji or attachment hints a plain phone cannot follow.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = AttachmentHint().Replace(text, "");
        text = Bold().Replace(text, m => m.Groups[1].Value);
        foreach (var (from, to) in GsmSubstitutes)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsEmoji(text[i]))
            {
                continue;
            }

            plain.Append(text[i]);
        }

        return SpaceBeforeNewline().Replace(DoubleSpace().Replace(plain.ToString().Trim(), " "), "\n");
    }

    /// <summary>Astral characters (most emoji), symbols such as ✅ or ☎ past Latin-1 (° stays), and emoji joiners and selectors.</summary>
    private static bool IsEmoji(char c) =>
        char.IsSurrogate(c) || c is '\uFE0F' or '\u200D' || (c > '\u2000' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol);

    /// <summary>Splits a long text into messages of at most <paramref name="limit"/> characters at paragraph, line or word ends.</summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 20);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = BestCut(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int BestCut(string text, int limit)
    {
        // Not too early: a cut in the first half would make many tiny messages.
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = text.LastIndexOf(separator, limit, StringComparison.Ordinal);
            if (at >= limit / 2)
            {
                return at + separator.Length;
            }
        }

        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }

    [GeneratedRegex(@"\s*dengan tombol \*Kirim lokasi\*")]
    private static partial Regex LocationButton();

    [GeneratedRegex(@"Mohon kirim lokasi( [^,.\n]+)? dengan tombol \*Kirim lokasi\*, atau ketik patokan terdekat\.")]
    private static partial Regex LocationQuestion();

    [GeneratedRegex(@"\s*\(tekan 📎[^)]*\)")]
    private static partial Regex AttachmentHint();

    // As Telegram reads bold: one line at most, no space just inside the markers.
    [GeneratedRegex(@"\*([^\s*\n](?:[^*\n]*[^\s*\n])?)\*")]
    private static partial Regex Bold();

    [GeneratedRegex("  +")]
    private static partial Regex DoubleSpace();

    [GeneratedRegex(@"[ \t]+\n")]
    private static partial Regex SpaceBeforeNewline();
}
