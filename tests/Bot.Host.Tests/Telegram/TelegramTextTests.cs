using Posyandu.Bot.Host.Channels.Telegram;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>Bot texts become safe Telegram HTML: user data never breaks a message, *bold* stays bold.</summary>
public sealed class TelegramTextTests
{
    [Theory]
    [InlineData("Ketik *kirim* untuk mengirim.", "Ketik <b>kirim</b> untuk mengirim.")]
    [InlineData("*Laporan PR-2511-0042*\nRumah Budi", "<b>Laporan PR-2511-0042</b>\nRumah Budi")]
    [InlineData("Nama: Budi_Santoso <ketua> & anak", "Nama: Budi_Santoso &lt;ketua&gt; &amp; anak")]
    [InlineData("Luas 5 * 6 = 30 m²", "Luas 5 * 6 = 30 m²")]
    [InlineData("satu * bintang", "satu * bintang")]
    [InlineData("*tidak\nmenyeberang baris*", "*tidak\nmenyeberang baris*")]
    public void Escapes_html_and_keeps_bold(string text, string html)
    {
        Assert.Equal(html, TelegramText.ToHtml(text));
    }

    [Fact]
    public void The_visible_length_does_not_count_the_bold_markers()
    {
        Assert.Equal("Ketik kirim".Length, TelegramText.VisibleLength("Ketik *kirim*"));
    }

    [Fact]
    public void A_long_text_is_split_at_line_ends_within_the_limit()
    {
        var lines = Enumerable.Range(1, 50).Select(i => $"{i}. " + new string('x', 90)).ToList();
        var text = string.Join('\n', lines);

        var parts = TelegramText.Split(text, 1000);

        Assert.All(parts, p => Assert.True(p.Length <= 1000));
        Assert.Equal(text, string.Join('\n', parts));
        Assert.All(parts, p => Assert.Matches(@"^\d+\. x+", p));
    }

    [Fact]
    public void One_endless_line_is_cut_hard_and_nothing_is_lost()
    {
        var text = new string('a', 2500);

        var parts = TelegramText.Split(text, 1000);

        Assert.Equal([1000, 1000, 500], parts.Select(p => p.Length));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void A_short_text_is_one_part()
    {
        Assert.Equal(["Halo"], TelegramText.Split("Halo"));
    }
}
