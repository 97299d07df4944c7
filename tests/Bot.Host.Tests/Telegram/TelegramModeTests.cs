using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>How updates arrive: polling (deleteWebhook, then getUpdates) or a webhook registered with Telegram at start.</summary>
public sealed class TelegramModeTests
{
    [Fact]
    public async Task Polling_removes_the_webhook_and_handles_updates_like_the_webhook()
    {
        using var host = new TelegramTestHost(new Dictionary<string, string?> { ["Telegram:Mode"] = "Polling" });
        host.BotApi.QueueUpdate(Updates.OwnContact(TelegramUser.Siti));

        _ = host.Services; // starts the host and its polling loop
        var welcome = await host.RepliesAfterAsync(TelegramUser.Siti, 0);

        Assert.Contains(welcome, m => m.InlineButtons.Any(b => b.Label.Contains("Perumahan", StringComparison.Ordinal)));
        var methods = host.BotApi.Calls.Select(c => c.Method).ToList();
        Assert.True(methods.IndexOf("deleteWebhook") >= 0 && methods.IndexOf("deleteWebhook") < methods.IndexOf("getUpdates"));
        Assert.DoesNotContain("setWebhook", methods);
        Assert.Contains(host.BotApi.Calls, c => c.Method == "getUpdates"
            && c.Fields.GetValueOrDefault("allowed_updates", "").Contains("callback_query", StringComparison.Ordinal));
        host.AssertNoErrors();
    }

    [Fact]
    public async Task Webhook_mode_with_a_url_registers_the_webhook_with_its_secret()
    {
        using var host = new TelegramTestHost(new Dictionary<string, string?> { ["Telegram:WebhookUrl"] = "https://bot.example.id/webhooks/telegram" });

        _ = host.Services;
        var call = await Eventually.Get(() => host.BotApi.Calls.FirstOrDefault(c => c.Method == "setWebhook"), "setWebhook");

        Assert.Equal("https://bot.example.id/webhooks/telegram", call.Fields["url"]);
        Assert.Equal(TelegramTestHost.Secret, call.Fields["secret_token"]);
        Assert.Equal("""["message","callback_query","my_chat_member"]""", call.Fields["allowed_updates"]);
        Assert.DoesNotContain(host.BotApi.Calls, c => c.Method is "getUpdates" or "deleteWebhook");
    }

    [Fact]
    public async Task Without_a_webhook_url_nothing_is_registered()
    {
        using var host = new TelegramTestHost();

        _ = host.Services;
        // The registration service says so and stops; only then is "nothing called" a fact rather than "not yet".
        await Eventually.True(() => host.Logs.Entries.Any(e => e.Message.Contains("setWebhook tidak dipanggil", StringComparison.Ordinal)), "the registration to give up");

        Assert.DoesNotContain(host.BotApi.Calls, c => c.Method is "setWebhook" or "getUpdates" or "deleteWebhook");
    }
}
