using Posyandu.Conversation;
using Posyandu.Referrals.Intake;

namespace Posyandu.Referrals.Tests;

/// <summary>What is left of hostile or messy text once it enters: readable words, emoji and line breaks, nothing invisible.</summary>
public class InboundTextTests
{
    [Theory]
    // Indonesian words, punctuation and units as kader type them stay exactly as typed.
    [InlineData("Budi Santoso", "Budi Santoso")]
    [InlineData("Jl. Poros Perian No. 12, dekat masjid", "Jl. Poros Perian No. 12, dekat masjid")]
    [InlineData("luas 30 m² — atap bocor (rusak berat)!", "luas 30 m² — atap bocor (rusak berat)!")]
    [InlineData("RT 003/RW 004", "RT 003/RW 004")]
    [InlineData("  ya  ", "  ya  ")]
    // Emoji, including sequences held together by the zero-width joiner, skin tones, keycaps and flags.
    [InlineData("rumah 🏚️ bocor 😢", "rumah 🏚️ bocor 😢")]
    [InlineData("keluarga 👨‍👩‍👧‍👦 tinggal", "keluarga 👨‍👩‍👧‍👦 tinggal")]
    [InlineData("👍🏽 1️⃣ 🇮🇩", "👍🏽 1️⃣ 🇮🇩")]
    [InlineData("🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏴󠁧󠁢󠁳󠁣󠁴󠁿")]
    // Other scripts are letters too.
    [InlineData("مرحبا", "مرحبا")]
    [InlineData("ꦧꦸꦝꦶ", "ꦧꦸꦝꦶ")]
    // Line breaks and tabs stay; every kind of line ending becomes \n.
    [InlineData("baris 1\nbaris 2", "baris 1\nbaris 2")]
    [InlineData("baris 1\r\nbaris 2\rbaris 3", "baris 1\nbaris 2\nbaris 3")]
    [InlineData("a\u2028b\u2029c", "a\nb\nc")]
    [InlineData("kolom\tnilai", "kolom\tnilai")]
    // Controls: NUL (PostgreSQL refuses it), bell, escape sequences, DEL and the C1 range.
    [InlineData("Bu\0di", "Budi")]
    [InlineData("\u0007Budi\u001b[31m merah", "Budi[31m merah")]
    [InlineData("a\u007fb\u0085c\u009fd", "abcd")]
    [InlineData("\u0000\u0001\u0002", "")]
    // Bidirectional embeddings, overrides, isolates and marks: "Budi" must not display as something else.
    [InlineData("\u202EidUB", "idUB")]
    [InlineData("Budi \u202Aa\u202Bb\u202Cc\u202Dd\u202Ee", "Budi abcde")]
    [InlineData("\u2066x\u2067y\u2068z\u2069", "xyz")]
    [InlineData("TERIMA\u200F 42\u200E\u061C", "TERIMA 42")]
    [InlineData("laporan-\u202Efdp.exe", "laporan-fdp.exe")]
    // Invisible spaces and marks that hide inside words and numbers.
    [InlineData("ki\u200Brim", "kirim")]
    [InlineData("\uFEFFterima", "terima")]
    [InlineData("3\u2060174\u00AD052", "3174052")]
    [InlineData("\u180Eya", "ya")]
    // Non-characters carry nothing.
    [InlineData("a\uFFFEb\uFFFFc\uFDD0d", "abcd")]
    public void Keeps_what_is_readable_and_removes_what_is_invisible(string input, string expected) =>
        Assert.Equal(expected, InboundText.Clean(input));

    [Fact]
    public void Lone_surrogates_are_removed_because_they_are_no_character_and_break_storage()
    {
        // Built in code: an attribute cannot hold a lone surrogate (the compiler would store a replacement character).
        Assert.Equal("ab", InboundText.Clean("a" + '\uD800' + "b"));
        Assert.Equal("ab😀", InboundText.Clean("a" + '\uDC00' + "b" + '\uD83D' + "😀" + '\uD83D'));
    }

    [Fact]
    public void Null_and_empty_stay_as_they_are()
    {
        Assert.Null(InboundText.Clean((string?)null));
        Assert.Equal("", InboundText.Clean(""));
    }

    [Fact]
    public void Decomposed_letters_are_composed_so_the_same_word_is_stored_the_same_way()
    {
        var decomposed = "Rene\u0301";

        Assert.Equal("René", InboundText.Clean(decomposed));
    }

    [Fact]
    public void A_huge_text_is_cut_at_the_message_limit_without_splitting_an_emoji()
    {
        var huge = "a" + string.Concat(Enumerable.Repeat("😀", 1_000_000));

        var clean = InboundText.Clean(huge)!;

        Assert.Equal(InboundText.MaxLength - 1, clean.Length);
        Assert.False(char.IsHighSurrogate(clean[^1]));
        Assert.Equal(InboundText.MaxLength, InboundText.Clean(new string('x', 5 * InboundText.MaxLength))!.Length);
    }

    [Fact]
    public void Controls_removed_do_not_count_against_the_limit()
    {
        var padded = new string('\u202E', 10_000) + "ya";

        Assert.Equal("ya", InboundText.Clean(padded));
    }

    [Fact]
    public void The_envelope_is_cleaned_everywhere_a_person_can_put_text()
    {
        var envelope = new InboundEnvelope("telegram", "1001", "77", Inbound.OfPhoto("abc.jpg", "depan\u202E rumah"), new PhoneClaim("\u2066+62 812\u200B5123 4501", Verified: true));
        var choice = new InboundEnvelope("telegram", "1001", "78", Inbound.OfChoice("c:atap:\u00003"));

        var clean = InboundText.Clean(envelope);

        Assert.Equal("depan rumah", clean.Message!.Text);
        Assert.Equal("abc.jpg", clean.Message.PhotoId);
        Assert.Equal("+62 8125123 4501", clean.PhoneClaim!.RawPhone);
        Assert.True(clean.PhoneClaim.Verified);
        Assert.Equal(("telegram", "1001", "77"), (clean.Channel, clean.Address, clean.PlatformMessageId));
        Assert.Equal("c:atap:3", InboundText.Clean(choice).Message!.ChoiceData);
        Assert.Null(InboundText.Clean(new InboundEnvelope("telegram", "1001", "79", null)).Message);
    }
}
