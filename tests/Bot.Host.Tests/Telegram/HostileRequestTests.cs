using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Posyandu.Bot.Host.Channels;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>
/// Requests that carry the right secret but are hostile or broken: oversized bodies, updates missing what the bot needs,
/// photos nobody asked for or too large, text with invisible tricks. Each gets a clear answer and costs nothing.
/// </summary>
public sealed class HostileRequestTests : IDisposable
{
    private const long Megabyte = 1024 * 1024;

    private readonly TelegramTestHost _host = new();

    [Theory]
    [InlineData(10 * Megabyte)]
    [InlineData(40 * Megabyte)]
    [InlineData(Megabyte + 1)]
    public async Task A_body_declared_larger_than_the_cap_is_refused_before_it_is_read(long size)
    {
        using var response = await _host.PostWebhookAsync(GeneratedBodyStream.Declared(size));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("413", StringComparison.Ordinal));
        _host.AssertNoErrors();
    }

    [Theory]
    [InlineData(10 * Megabyte)]
    [InlineData(Megabyte + 1)]
    public async Task A_chunked_body_is_cut_off_at_the_cap(long size)
    {
        using var response = await _host.PostWebhookAsync(GeneratedBodyStream.Chunked(size));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_real_update_padded_past_the_cap_is_refused_and_one_just_under_it_is_handled()
    {
        var over = Updates.OwnContact(TelegramUser.Siti);
        var under = Updates.OwnContact(TelegramUser.Siti);

        using var refused = await _host.PostWebhookAsync(Chunked(Padded(over, WebhookBodyLimit.MaxBytes + 1)));
        var replies = await _host.SendAsync(TelegramUser.Siti, Chunked(Padded(under, WebhookBodyLimit.MaxBytes)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.False(await _host.IsRecordedAsync(over));
        Assert.True(await _host.IsRecordedAsync(under));
        Assert.Contains(replies, m => m.Text.Contains("Siti", StringComparison.Ordinal));
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task Many_large_posts_at_once_are_all_refused_and_the_bot_carries_on()
    {
        var posts = Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await _host.PostWebhookAsync(i % 2 == 0 ? GeneratedBodyStream.Declared(10 * Megabyte) : GeneratedBodyStream.Chunked(10 * Megabyte));
            return response.StatusCode;
        });

        var statuses = await Task.WhenAll(posts);
        var welcome = await _host.LinkAsync(TelegramUser.Siti);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.RequestEntityTooLarge, s));
        Assert.NotEmpty(welcome);
        _host.AssertNoErrors();
    }

    [Fact]
    public void Every_webhook_route_carries_the_body_limit()
    {
        var webhooks = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/webhooks/", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        Assert.NotEmpty(webhooks);
        Assert.All(webhooks, e => Assert.Equal(WebhookBodyLimit.MaxBytes, e.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize));
    }

    public static TheoryData<string, string> Unusable => new()
    {
        { "a message without chat", """{"message":{"message_id":1,"date":1763870400,"text":"halo"}}""" },
        { "a message whose chat is null", """{"message":{"message_id":1,"date":1763870400,"chat":null,"text":"halo"}}""" },
        { "no kind at all", "{}" },
        { "a kind it does not handle", """{"message_reaction":{"chat":{"id":5123450001,"type":"private"},"message_id":1,"date":1763870400,"old_reaction":[],"new_reaction":[]}}""" },
        { "a kind no library knows yet", """{"future_kind":{"id":1}}""" },
        { "a poll", """{"poll":{"id":"1","question":"?","options":[],"total_voter_count":0,"is_closed":false,"is_anonymous":true,"type":"regular","allows_multiple_answers":false}}""" },
        { "a button press without message or sender", """{"callback_query":{"id":"q1","chat_instance":"1","data":"m:PR"}}""" },
        { "a button press without id or data", """{"callback_query":{"from":{"id":5123450001,"is_bot":false,"first_name":"Siti"},"chat_instance":"1"}}""" },
        { "a button in a group", """{"callback_query":{"id":"q2","from":{"id":5123450001,"is_bot":false,"first_name":"Siti"},"chat_instance":"1","data":"m:PR","message":{"message_id":1,"date":1763870400,"chat":{"id":-100123,"type":"supergroup","title":"Kader"}}}}""" },
        { "a membership change without chat", """{"my_chat_member":{"from":{"id":5123450001,"is_bot":false,"first_name":"Siti"},"date":1763870400}}""" },
        { "a membership change to member", """{"my_chat_member":{"chat":{"id":5123450001,"type":"private"},"from":{"id":5123450001,"is_bot":false,"first_name":"Siti"},"date":1763870400,"old_chat_member":{"status":"kicked","user":{"id":7012345678,"is_bot":true,"first_name":"Bot"},"until_date":0},"new_chat_member":{"status":"member","user":{"id":7012345678,"is_bot":true,"first_name":"Bot"}}}}""" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public async Task An_update_the_bot_cannot_use_is_recorded_logged_and_acknowledged_every_time(string what, string json)
    {
        var update = JsonNode.Parse(json)!.AsObject();
        update["update_id"] = Updates.NextUpdateId();
        var id = Updates.UpdateIdOf(update);

        using var first = await _host.PostUpdateAsync(update);
        using var again = await _host.PostUpdateAsync(update);

        Assert.True(first.StatusCode == HttpStatusCode.OK, $"{what}: {(int)first.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(await _host.IsRecordedAsync(update), $"{what} was not recorded");
        Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains(id, StringComparison.Ordinal) && e.Message.Contains("tidak dipakai", StringComparison.Ordinal));
        Assert.Empty(await _host.OutboxToAsync(TelegramUser.Siti));
        Assert.DoesNotContain(_host.BotApi.Calls, c => c.Method is "getFile" or "sendMessage");
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_contact_without_a_number_links_nobody_and_is_answered()
    {
        var update = Updates.OwnContact(TelegramUser.Siti);
        update["message"]!["contact"]!.AsObject().Remove("phone_number");

        var replies = await _host.SendAsync(TelegramUser.Siti, update);

        Assert.Contains("\"request_contact\":true", Assert.Single(replies).ReplyMarkup, StringComparison.Ordinal);
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_huge_text_is_answered_politely_and_not_kept()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        await RtlhJourney.StartAsync(_host, TelegramUser.Siti);

        // Telegram sends at most 4096 characters; this is what fits in the body cap.
        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.Text(TelegramUser.Siti, new string('a', 900_000)));

        Assert.Contains(replies, m => m.Text.Contains("terlalu panjang", StringComparison.OrdinalIgnoreCase));
        var next = await _host.SendAsync(TelegramUser.Siti, Updates.Text(TelegramUser.Siti, "Budi Santoso"));
        Assert.Contains(next, m => m.Text.Contains("NIK", StringComparison.OrdinalIgnoreCase));
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_location_off_the_globe_is_not_taken_as_a_place()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        await RtlhJourney.ReachLocationAsync(_host, TelegramUser.Siti);
        var pin = Updates.Location(TelegramUser.Siti);
        pin["message"]!["location"] = new JsonObject { ["latitude"] = 999.5, ["longitude"] = -720 };

        var replies = await _host.SendAsync(TelegramUser.Siti, pin);

        Assert.DoesNotContain(replies, m => m.Text.Contains("foto", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(replies, m => m.ReplyMarkup.Contains("\"request_location\":true", StringComparison.Ordinal));
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_photo_from_a_chat_not_linked_to_the_roster_is_not_downloaded()
    {
        var replies = await _host.SendAsync(TelegramUser.Stranger, Updates.Photo(TelegramUser.Stranger));

        Assert.Contains("\"request_contact\":true", Assert.Single(replies).ReplyMarkup, StringComparison.Ordinal);
        AssertNothingDownloaded();
        _host.AssertNoErrors();
    }

    [Theory]
    [InlineData("telegram-photo.json")]
    [InlineData("telegram-document-image.json")]
    public async Task A_photo_nobody_asked_for_is_not_downloaded(string sample)
    {
        await _host.LinkAsync(TelegramUser.Siti);
        await RtlhJourney.StartAsync(_host, TelegramUser.Siti);

        // The bot asks for the head of the family's name.
        var replies = await _host.SendAsync(TelegramUser.Siti, Updates.FromSample(sample, TelegramUser.Siti));

        Assert.Contains(replies, m => m.Text.Contains("mengetik", StringComparison.OrdinalIgnoreCase));
        AssertNothingDownloaded();
        _host.AssertNoErrors();
    }

    [Theory]
    [InlineData("telegram-photo.json", "photo")]
    [InlineData("telegram-document-image.json", "document")]
    public async Task A_photo_declared_larger_than_the_cap_is_refused_before_getFile(string sample, string kind)
    {
        await _host.LinkAsync(TelegramUser.Siti);
        await RtlhJourney.ReachPhotosAsync(_host, TelegramUser.Siti);
        var update = Updates.FromSample(sample, TelegramUser.Siti);
        var file = kind == "photo" ? update["message"]!["photo"]!.AsArray()[^1]! : update["message"]!["document"]!;
        file["file_size"] = 25 * Megabyte;

        var replies = await _host.SendAsync(TelegramUser.Siti, update);

        Assert.Contains(replies, m => m.Text.Contains("terlalu besar", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(replies, m => m.Text.Contains("foto", StringComparison.OrdinalIgnoreCase) && !m.Text.Contains("terlalu besar", StringComparison.OrdinalIgnoreCase));
        AssertNothingDownloaded();

        // A photo of a normal size is then taken as usual.
        var kept = await _host.SendAsync(TelegramUser.Siti, Updates.Photo(TelegramUser.Siti));
        Assert.Contains(kept, m => m.Text.Contains("Foto ke-1", StringComparison.Ordinal));
        Assert.Single(_host.BotApi.Calls, c => c.Method == "getFile");
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_photo_without_a_file_id_is_asked_for_again()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        await RtlhJourney.ReachPhotosAsync(_host, TelegramUser.Siti);
        var update = Updates.Photo(TelegramUser.Siti);
        update["message"]!["photo"] = new JsonArray(new JsonObject { ["file_unique_id"] = "x", ["width"] = 1, ["height"] = 1 });

        var replies = await _host.SendAsync(TelegramUser.Siti, update);

        Assert.Contains(replies, m => m.Text.Contains("kirim foto", StringComparison.OrdinalIgnoreCase));
        AssertNothingDownloaded();
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task Invisible_controls_and_direction_overrides_never_reach_the_report_or_the_official()
    {
        await _host.LinkAsync(TelegramUser.AbdulRahman);
        var kadesBefore = _host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Count;
        await _host.LinkAsync(TelegramUser.Siti);
        await RtlhJourney.StartAsync(_host, TelegramUser.Siti);

        // "Budi Santoso" as a hostile client can type it: an override that reverses the display, a zero-width space, a NUL.
        await _host.SendAsync(TelegramUser.Siti, Updates.Text(TelegramUser.Siti, "\u202EBudi\u200B Santoso\u0000\u2066"));
        await RtlhJourney.AnswerRestAsync(_host, TelegramUser.Siti);
        var number = await RtlhJourney.SubmitAsync(_host, TelegramUser.Siti);

        var report = (await _host.GetJsonAsync($"/api/reports/{number}")).ToJsonString();
        Assert.Contains("Budi Santoso", report, StringComparison.Ordinal);
        await _host.RepliesAfterAsync(TelegramUser.AbdulRahman, kadesBefore);
        // The Kepala Desa asks for the answers: the name reaches him as the kader meant it.
        var info = await _host.SendAsync(TelegramUser.AbdulRahman, Updates.Text(TelegramUser.AbdulRahman, $"INFO {number}"));
        Assert.Contains(info, m => m.Text.Contains("Budi Santoso", StringComparison.Ordinal));
        var toOfficial = string.Concat(_host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Select(m => m.Text));
        foreach (var hidden in new[] { "\u202E", "\u200B", "\u0000", "\u2066", "\\u202E", "\\u200B", "\\u0000", "\\u2066" })
        {
            Assert.DoesNotContain(hidden, report, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(hidden, toOfficial, StringComparison.Ordinal);
        }

        _host.AssertNoErrors();
    }

    private void AssertNothingDownloaded()
    {
        Assert.DoesNotContain(_host.BotApi.Calls, c => c.Method is "getFile" or "download");
        Assert.False(Directory.Exists(_host.MediaFolder) && Directory.EnumerateFiles(_host.MediaFolder).Any(), "A file was stored in the media folder");
    }

    private static string Padded(JsonObject update, long size)
    {
        var json = update.ToJsonString();
        return json + new string(' ', (int)(size - Encoding.UTF8.GetByteCount(json)));
    }

    private static StreamContent Chunked(string body) =>
        new StreamContent(new NonSeekable(Encoding.UTF8.GetBytes(body)));

    public void Dispose() => _host.Dispose();

    /// <summary>A body that cannot tell its length up front, so it goes out chunked.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
