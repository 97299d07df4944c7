using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>Delivery through the outbox and real Hangfire jobs when Telegram pushes back: 429 waits retry_after, 403 stops.</summary>
public sealed class DeliveryTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Fact]
    public async Task A_429_is_retried_after_retry_after_and_then_delivered()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        var written = (await _host.OutboxToAsync(TelegramUser.Siti)).Count;
        // Longer than the outbox's own first backoff (2 s), so the stored schedule shows which of the two was honoured.
        _host.BotApi.FailNext("sendMessage", TelegramUser.Siti.ChatId, 429, retryAfter: 3);

        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.Text(TelegramUser.Siti, "menu"));

        var attempts = _host.BotApi.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == TelegramUser.Siti.ChatId).ToList();
        Assert.Single(attempts, c => !c.Succeeded);
        Assert.Contains(replies[0].InlineButtons, b => b.Label.Contains("Perumahan", StringComparison.Ordinal));
        // The stored record, not the test's own stopwatch: the retry was due retry_after after the message was written,
        // and it was sent once due, on the second attempt.
        var menu = (await _host.OutboxToAsync(TelegramUser.Siti))[written];
        Assert.Equal((OutboxStatus.Sent, 2), (menu.Status, menu.Attempts));
        Assert.True(menu.NextAttemptAt - menu.CreatedAt >= TimeSpan.FromSeconds(3), $"Retry scheduled {menu.NextAttemptAt - menu.CreatedAt} after the message");
        Assert.True(menu.SentAt >= menu.NextAttemptAt, $"Sent at {menu.SentAt:O}, before the retry was due at {menu.NextAttemptAt:O}");
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_403_marks_the_chat_unreachable_and_is_not_retried()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        _host.BotApi.FailNext("sendMessage", TelegramUser.Siti.ChatId, 403);

        var written = (await _host.OutboxToAsync(TelegramUser.Siti)).Count;
        using var response = await _host.PostUpdateAsync(Updates.Text(TelegramUser.Siti, "menu"));

        var refused = await Eventually.Get(() => _host.BotApi.Calls.FirstOrDefault(c => !c.Succeeded && c.ChatId == TelegramUser.Siti.ChatId), "the refused send");
        await _host.SettledAsync(TelegramUser.Siti);
        // Nothing is left to send: the menu is stored as unreachable, not waiting for a retry.
        var menu = (await _host.OutboxToAsync(TelegramUser.Siti))[written];
        Assert.Equal((OutboxStatus.Unreachable, 1), (menu.Status, menu.Attempts));
        Assert.Single(_host.BotApi.Calls, c => c.ChatId == TelegramUser.Siti.ChatId && !c.Succeeded);
        Assert.DoesNotContain(_host.BotApi.Calls, c => c.IsSend && c.ChatId == TelegramUser.Siti.ChatId && c.At > refused.At);
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        Assert.True((await db.ChannelLinks.SingleAsync(l => l.Address == "5123450001")).Unreachable);
    }

    [Fact]
    public async Task A_server_error_is_retried_until_delivered()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        _host.BotApi.FailNext("sendMessage", TelegramUser.Siti.ChatId, 500);

        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.Text(TelegramUser.Siti, "menu"));

        Assert.Single(_host.BotApi.Calls, c => c.Method == "sendMessage" && c.ChatId == TelegramUser.Siti.ChatId && !c.Succeeded);
        Assert.Contains(replies, m => m.InlineButtons.Count > 0);
    }

    public void Dispose() => _host.Dispose();
}
