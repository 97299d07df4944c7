using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>Identity on Telegram: only a contact the sender shared of themself links their chat to the roster.</summary>
public sealed class ContactLinkTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Fact]
    public async Task An_unknown_chat_is_asked_to_share_its_number_with_a_button()
    {
        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.Start(TelegramUser.Siti));

        var ask = Assert.Single(replies);
        Assert.Equal("sendMessage", ask.Method);
        Assert.Contains("\"request_contact\":true", ask.ReplyMarkup, StringComparison.Ordinal);
        Assert.Contains("Bagikan nomor HP", ask.ReplyMarkup, StringComparison.Ordinal);
        Assert.False(await IsLinkedAsync(TelegramUser.Siti));
    }

    [Fact]
    public async Task The_kaders_own_contact_links_the_chat_and_shows_the_menu()
    {
        // The sample as Telegram sends it: Siti Rahmah shares her own number (contact.user_id == from.id).
        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.Sample("telegram-contact-own.json"));

        Assert.True(await IsLinkedAsync(TelegramUser.Siti));
        Assert.Contains(replies, m => m.Text.Contains("Siti", StringComparison.Ordinal));
        Assert.Contains(replies, m => m.InlineButtons.Any(b => b.Label.Contains("Perumahan", StringComparison.Ordinal)));
        _host.AssertNoErrors();
    }

    [Theory]
    [InlineData("telegram-contact-forwarded.json")]
    [InlineData("telegram-contact-card-no-user.json")]
    public async Task Someone_elses_contact_card_links_nobody(string sample)
    {
        // Siti forwards the Kepala Desa's card: it must not log her in as him (nor as anyone).
        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.Sample(sample));

        Assert.False(await IsLinkedAsync(TelegramUser.Siti));
        var refusal = Assert.Single(replies);
        Assert.Contains("\"request_contact\":true", refusal.ReplyMarkup, StringComparison.Ordinal);
        Assert.Empty(refusal.InlineButtons);
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_verified_number_outside_the_roster_is_refused_politely()
    {
        var replies = await _host.SendAsync(TelegramUser.Stranger, Updates.OwnContact(TelegramUser.Stranger));

        Assert.False(await IsLinkedAsync(TelegramUser.Stranger));
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, m => m.InlineButtons.Any(b => b.Label.Contains("Perumahan", StringComparison.Ordinal)));
        _host.AssertNoErrors();
    }

    private async Task<bool> IsLinkedAsync(TelegramUser person)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        var address = person.ChatId.ToString(CultureInfo.InvariantCulture);
        return await db.ChannelLinks.AnyAsync(l => l.Channel == "telegram" && l.Address == address);
    }

    public void Dispose() => _host.Dispose();
}
