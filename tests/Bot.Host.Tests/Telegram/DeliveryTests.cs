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
        _host.BotApi.FailNext("sendMessage", TelegramUser.Siti.ChatId, 429, retryAfter: 2);

        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.Text(TelegramUser.Siti, "menu"));

        var attempts = _host.BotApi.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == TelegramUser.Siti.ChatId).ToList();
        var refused = Assert.Single(attempts, c => !c.Succeeded);
        var delivered = replies[0];
        Assert.True(delivered.At - refused.At >= TimeSpan.FromSeconds(1.9), $"Sent again after {(delivered.At - refused.At).TotalSeconds:0.0} s");
        Assert.Contains(delivered.InlineButtons, b => b.Label.Contains("Perumahan", StringComparison.Ordinal));
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_403_marks_the_chat_unreachable_and_is_not_retried()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        _host.BotApi.FailNext("sendMessage", TelegramUser.Siti.ChatId, 403);

        using var response = await _host.PostUpdateAsync(Updates.Text(TelegramUser.Siti, "menu"));

        var refused = await Eventually.Get(() => _host.BotApi.Calls.FirstOrDefault(c => !c.Succeeded && c.ChatId == TelegramUser.Siti.ChatId), "the refused send");
        await Task.Delay(2500);
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
