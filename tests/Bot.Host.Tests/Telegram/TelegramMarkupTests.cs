using Posyandu.Bot.Host.Channels.Telegram;
using Posyandu.Conversation;
using Telegram.Bot.Types.ReplyMarkups;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>A reply's buttons and requests as Telegram keyboards.</summary>
public sealed class TelegramMarkupTests
{
    [Fact]
    public void Long_labels_get_a_row_each()
    {
        var reply = new Reply("Bagaimana kondisi atap rumah?", [new("Baik", "c:atap:1"), new("Bocor atau rusak sebagian", "c:atap:2"), new("Rusak berat", "c:atap:3")]);

        var markup = Assert.IsType<InlineKeyboardMarkup>(TelegramMarkup.For(reply));

        var rows = markup.InlineKeyboard.Select(r => r.ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Single(r));
        Assert.Equal("c:atap:2", rows[1][0].CallbackData);
        Assert.Equal("Bocor atau rusak sebagian", rows[1][0].Text);
    }

    [Fact]
    public void Short_labels_sit_two_in_a_row()
    {
        var reply = new Reply("Apakah ada listrik?", [new("Ya", "c:listrik:1"), new("Tidak", "c:listrik:2"), new("Lewati", "g:lewati")]);

        var markup = Assert.IsType<InlineKeyboardMarkup>(TelegramMarkup.For(reply));

        Assert.Equal([2, 1], markup.InlineKeyboard.Select(r => r.Count()));
    }

    [Fact]
    public void A_contact_request_is_a_one_time_share_contact_keyboard()
    {
        var markup = Assert.IsType<ReplyKeyboardMarkup>(TelegramMarkup.For(new Reply("Silakan bagikan nomor HP Anda.", [], ReplyRequest.Contact)));

        var button = Assert.Single(Assert.Single(markup.Keyboard));
        Assert.True(button.RequestContact);
        Assert.Equal("📱 Bagikan nomor HP", button.Text);
        Assert.True(markup.OneTimeKeyboard);
    }

    [Fact]
    public void A_location_request_keeps_the_other_buttons_as_keys()
    {
        var reply = new Reply("Kirim lokasi rumah (boleh dilewati).", [new("Lewati", "g:lewati")], ReplyRequest.Location);

        var markup = Assert.IsType<ReplyKeyboardMarkup>(TelegramMarkup.For(reply));

        var rows = markup.Keyboard.Select(r => r.Single()).ToList();
        Assert.True(rows[0].RequestLocation);
        Assert.Equal("Lewati", rows[1].Text);
        Assert.False(rows[1].RequestLocation);
    }

    [Fact]
    public void Plain_text_removes_a_share_keyboard_left_from_before()
    {
        Assert.IsType<ReplyKeyboardRemove>(TelegramMarkup.For(Reply.Plain("Terima kasih.")));
    }
}
