using System.Buffers;
using System.Globalization;
using System.Text;

namespace Posyandu.Referrals.Intake;

/// <summary>
/// Cleans what a person typed before anything reads, stores or forwards it: invisible controls and bidirectional
/// overrides go (a name shown to an official must read as it is stored), line breaks become <c>\n</c>, and the text is
/// cut to the longest message a chat platform sends. Letters of every script, emoji and their joiners stay.
/// </summary>
public static class InboundText
{
    /// <summary>The longest text kept: Telegram's and WhatsApp's message limit; anything longer is not a kader's answer.</summary>
    public const int MaxLength = 4096;

    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>The envelope with its text or caption, button data and shared number cleaned.</summary>
    public static InboundEnvelope Clean(InboundEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope with
        {
            Message = envelope.Message is { } message ? message with { Text = Clean(message.Text), ChoiceData = Clean(message.ChoiceData) } : null,
            PhoneClaim = envelope.PhoneClaim is { } claim ? claim with { RawPhone = Clean(claim.RawPhone) ?? "" } : null,
        };
    }

    /// <summary>The cleaned <paramref name="text"/> (null stays null).</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        Span<char> encoded = stackalloc char[2];
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
            var next = consumed < rest.Length ? rest[consumed] : '\0';
            rest = rest[consumed..];
            // A lone surrogate is no character at all (and PostgreSQL would refuse to store it); \r\n and a lone \r are one line break.
            var kept = status != OperationStatus.Done ? null
                : rune.Value == '\r' ? (next == '\n' ? null : new Rune('\n'))
                : Keeps(rune);
            if (kept is not { } character)
            {
                continue;
            }

            var length = character.EncodeToUtf16(encoded);
            if (builder.Length + length > MaxLength)
            {
                break;
            }

            builder.Append(encoded[..length]);
        }

        var clean = builder.ToString();
        return clean.IsNormalized() ? clean : clean.Normalize();
    }

    /// <summary>What becomes of one character: itself, a line break, or nothing (null).</summary>
    private static Rune? Keeps(Rune rune)
    {
        if (rune.Value is '\n' or '\t')
        {
            return rune;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                return new Rune('\n');
            case UnicodeCategory.Control:
                return null;
            case UnicodeCategory.Format:
                // Joiners build emoji (👨‍👩‍👧) and some scripts' words; tag characters build subdivision flags. Every other
                // format character is invisible: bidi embeddings, overrides, isolates and marks, zero-width spaces, BOM.
                return rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner or (>= 0xE0020 and <= 0xE007F) ? rune : null;
            case UnicodeCategory.OtherNotAssigned when IsNonCharacter(rune):
                return null;
            default:
                return rune;
        }
    }

    // U+FFFE, U+FFFF and their kin in every plane, and U+FDD0–U+FDEF: never characters in text exchanged between systems.
    private static bool IsNonCharacter(Rune rune) =>
        (rune.Value & 0xFFFE) == 0xFFFE || rune.Value is >= 0xFDD0 and <= 0xFDEF;
}
