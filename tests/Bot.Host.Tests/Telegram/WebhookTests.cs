using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>The webhook's gate and its answers to what Telegram may send: wrong secrets, bad JSON, updates the bot ignores.</summary>
public sealed class WebhookTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData(TelegramTestHost.Secret + "x")]
    public async Task A_missing_or_wrong_secret_is_refused_and_changes_nothing(string? secret)
    {
        var update = Updates.OwnContact(TelegramUser.Siti);
        using var response = await _host.PostUpdateAsync(update, secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Had it been handled, the update would be recorded, the chat linked and the welcome in the outbox by now: the
        // webhook answers only once all of that is committed.
        Assert.False(await _host.IsRecordedAsync(update));
        Assert.False(await IsLinkedAsync(TelegramUser.Siti));
        Assert.Empty(await _host.OutboxToAsync(TelegramUser.Siti));
        Assert.Empty(_host.BotApi.Calls);
    }

    [Fact]
    public async Task Without_a_configured_secret_every_call_is_refused()
    {
        using var host = new TelegramTestHost(new Dictionary<string, string?> { ["Telegram:WebhookSecret"] = "" });

        var first = Updates.OwnContact(TelegramUser.Siti);
        var second = Updates.OwnContact(TelegramUser.Siti);
        using var withHeader = await host.PostUpdateAsync(first, "anything");
        using var empty = await host.PostUpdateAsync(second, "");

        Assert.Equal(HttpStatusCode.Unauthorized, withHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, empty.StatusCode);
        Assert.False(await host.IsRecordedAsync(first));
        Assert.False(await host.IsRecordedAsync(second));
        Assert.Empty(await host.OutboxToAsync(TelegramUser.Siti));
        Assert.Empty(host.BotApi.Calls);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"update_id\": \"abc\"}")]
    [InlineData("null")]
    public async Task Malformed_json_is_a_bad_request(string body)
    {
        using var response = await _host.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        _host.AssertNoErrors();
    }

    [Theory]
    [InlineData("telegram-edited-message.json")]
    [InlineData("telegram-group-message.json")]
    public async Task Updates_the_bot_does_not_handle_are_recorded_and_acknowledged_without_an_answer(string sample)
    {
        await _host.LinkAsync(TelegramUser.Siti);
        var sent = _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        var written = (await _host.OutboxToAsync(TelegramUser.Siti)).Count;
        var update = Updates.FromSample(sample, TelegramUser.Siti);

        using var response = await _host.PostUpdateAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _host.IsRecordedAsync(update));
        Assert.Equal(written, (await _host.OutboxToAsync(TelegramUser.Siti)).Count);
        await _host.SettledAsync(TelegramUser.Siti);
        Assert.Equal(sent, _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count);
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains(Updates.UpdateIdOf(update), StringComparison.Ordinal) && e.Message.Contains("tidak dipakai", StringComparison.Ordinal));
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_message_the_bot_cannot_read_is_answered_not_ignored()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        var voice = Updates.Text(TelegramUser.Siti, "");
        var message = voice["message"]!.AsObject();
        message.Remove("text");
        message["voice"] = new System.Text.Json.Nodes.JsonObject { ["file_id"] = "AwACAgUAAxkBAAIBR2cAAR", ["file_unique_id"] = "AgADoQ8AAk", ["duration"] = 4, ["mime_type"] = "audio/ogg" };

        var replies = await _host.SendAsync(TelegramUser.Siti, voice);

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(_host.BotApi.Calls, c => c.Method == "getFile");
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_person_blocking_the_bot_marks_the_chat_unreachable()
    {
        await _host.LinkAsync(TelegramUser.Siti);

        using var response = await _host.PostUpdateAsync(Updates.FromSample("telegram-my-chat-member-blocked.json", TelegramUser.Siti));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        var link = await db.ChannelLinks.SingleAsync(l => l.Channel == "telegram" && l.Address == "5123450001");
        Assert.True(link.Unreachable);
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_redelivered_update_is_handled_once()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        var update = Updates.Text(TelegramUser.Siti, "menu");

        var first = await _host.SendAsync(TelegramUser.Siti, update);
        var sent = _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        var written = (await _host.OutboxToAsync(TelegramUser.Siti)).Count;
        using var again = await _host.PostUpdateAsync(update);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEmpty(first);
        Assert.Equal(written, (await _host.OutboxToAsync(TelegramUser.Siti)).Count);
        await _host.SettledAsync(TelegramUser.Siti);
        Assert.Equal(sent, _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count);
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_redelivered_photo_is_not_downloaded_again()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        await RtlhJourney.ReachPhotosAsync(_host, TelegramUser.Siti);
        var photo = Updates.Photo(TelegramUser.Siti);

        await _host.SendAsync(TelegramUser.Siti, photo);
        using var again = await _host.PostUpdateAsync(photo);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_host.BotApi.Calls, c => c.Method == "getFile");
        Assert.Single(_host.BotApi.Calls, c => c.Method == "download");
        Assert.Equal("AgACAgUAAxkBAAIBQ2cAAQ1aAAT", _host.BotApi.Calls.Single(c => c.Method == "getFile").Fields["file_id"]);
        Assert.Single(Directory.GetFiles(_host.MediaFolder));
        _host.AssertNoErrors();
    }

    private async Task<bool> IsLinkedAsync(TelegramUser person)
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        var address = person.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.ChannelLinks.AnyAsync(l => l.Channel == "telegram" && l.Address == address);
    }

    public void Dispose() => _host.Dispose();
}
