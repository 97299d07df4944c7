namespace Posyandu.Conversation.Tests.Channels;

/// <summary>How a reply is worded for a channel without buttons (WhatsApp) or without rich text (SMS), and how long texts split.</summary>
public sealed class ChannelWordingTests
{
    private static readonly Reply Question = new(
        "Bagaimana kondisi atap rumah?\n1. Baik\n2. Rusak berat\nKetik nomor pilihan atau tekan tombol.",
        [new Button("Baik", "c:atap:1"), new Button("Rusak berat", "c:atap:2")]);

    [Fact]
    public void Telegram_keeps_the_reply_as_it_is()
    {
        Assert.Same(Question, ChannelWording.Adapt(Question, ChannelCapabilities.Telegram));
    }

    [Theory]
    [InlineData("Ketik nomornya atau tekan tombol.", "Ketik nomornya.")]
    [InlineData("balas *TERIMA 42* atau tekan tombol *Terima*. Lalu", "balas *TERIMA 42*. Lalu")]
    [InlineData("Boleh lebih dari satu: ketik nomornya, misalnya *1, 3*, atau tekan tombol lalu ketik *selesai*.", "Boleh lebih dari satu: ketik nomornya, misalnya *1, 3*, lalu ketik *selesai*.")]
    [InlineData("Dipilih: Biaya. Tekan pilihan lain, atau ketik *selesai*.", "Dipilih: Biaya. Ketik nomor lain, atau ketik *selesai*.")]
    [InlineData("Belum ada yang dipilih. Tekan salah satu pilihan atau ketik nomornya.", "Belum ada yang dipilih. Ketik nomor salah satu pilihan.")]
    [InlineData("Mohon kirim lokasi rumah dengan tombol *Kirim lokasi*, atau ketik patokan terdekat.", "Mohon kirim lokasi rumah (tekan 📎 lalu pilih Lokasi), atau ketik patokan terdekat.")]
    public void WhatsApp_never_says_press_a_button(string text, string expected)
    {
        var adapted = ChannelWording.Adapt(new Reply(text, [new Button("Terima", "a:42")], ReplyRequest.Location), ChannelCapabilities.WhatsApp);

        Assert.Equal(expected, adapted.Text);
        Assert.Empty(adapted.Buttons);
        Assert.Equal(ReplyRequest.None, adapted.Request);
        Assert.DoesNotContain("tombol", adapted.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("*Laporan baru PR-2511-0042*\n• Rumah sempit: 5 m² per orang", "Laporan baru PR-2511-0042\n- Rumah sempit: 5 m2 per orang")]
    [InlineData("Mohon kirim foto (tekan 📎 lalu pilih Kamera atau Galeri).", "Mohon kirim foto.")]
    [InlineData("Mohon kirim lokasi rumah dengan tombol *Kirim lokasi*, atau ketik patokan terdekat.", "Mohon ketik patokan terdekat untuk lokasi rumah.")]
    [InlineData("Terima kasih ✅🙏 Rp1–2 juta", "Terima kasih Rp1-2 juta")]
    [InlineData("Suhu 38,5°C", "Suhu 38,5°C")]
    public void SMS_is_plain_text(string text, string expected)
    {
        Assert.Equal(expected, ChannelWording.Adapt(Reply.Plain(text), ChannelCapabilities.Sms).Text);
    }

    [Fact]
    public void Adapting_twice_changes_nothing_more()
    {
        var once = ChannelWording.Adapt(Question, ChannelCapabilities.Sms);
        Assert.Equal(once, ChannelWording.Adapt(once, ChannelCapabilities.Sms));
        Assert.Equal("Bagaimana kondisi atap rumah?\n1. Baik\n2. Rusak berat\nKetik nomor pilihan.", once.Text);
    }

    [Fact]
    public void A_long_text_splits_at_word_ends_within_the_limit()
    {
        var words = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"kata{i}"));

        var parts = ChannelWording.Split(words, 160);

        Assert.True(parts.Count > 1);
        Assert.All(parts.SkipLast(1), p => Assert.InRange(p.Length, 80, 160));
        Assert.InRange(parts[^1].Length, 1, 160);
        Assert.Equal(words, string.Join(' ', parts));
    }

    [Fact]
    public void A_split_prefers_line_ends_and_cuts_an_endless_word_hard()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"{i}. pilihan nomor {i}"));
        Assert.All(ChannelWording.Split(lines, 100), p => Assert.Matches(@"(?s)^\d+\. .*pilihan nomor \d+$", p));

        var endless = new string('x', 250);
        Assert.Equal([new string('x', 100), new string('x', 100), new string('x', 50)], ChannelWording.Split(endless, 100));
        Assert.Equal(["pendek"], ChannelWording.Split("pendek", 100));
    }
}
