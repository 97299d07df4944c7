using Microsoft.Extensions.Logging.Abstractions;
using Posyandu.Bot.Host.Channels.Telegram;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Conversation;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>The Telegram sender against the fake Bot API: what it sends, and how every platform error becomes a result.</summary>
public sealed class TelegramSenderTests : IDisposable
{
    private const long Chat = 5123450101;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posyandu-sender-" + Guid.NewGuid().ToString("N"));
    private readonly FakeBotApi _api = new(TelegramTestHost.Token);
    private readonly MediaStore _media;

    public TelegramSenderTests() => _media = new MediaStore(new MediaOptions { Path = _folder });

    [Fact]
    public async Task Sends_html_text_with_the_buttons()
    {
        var result = await SendAsync(new Reply("Laporan *PR-2511-0001* dari <Siti>", [new("Terima", "r:terima:PR-2511-0001")]));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.False(string.IsNullOrEmpty(result.PlatformMessageId));
        var call = Assert.Single(_api.Calls);
        Assert.Equal("sendMessage", call.Method);
        Assert.Equal(Chat, call.ChatId);
        Assert.Equal("Laporan <b>PR-2511-0001</b> dari &lt;Siti&gt;", call.Fields["text"]);
        Assert.Equal("html", call.Fields["parse_mode"], ignoreCase: true);
        Assert.Equal(("Terima", "r:terima:PR-2511-0001"), Assert.Single(call.InlineButtons));
    }

    [Theory]
    [InlineData(429, SendStatus.RetryLater)]
    [InlineData(403, SendStatus.Unreachable)]
    [InlineData(500, SendStatus.RetryLater)]
    [InlineData(502, SendStatus.RetryLater)]
    [InlineData(400, SendStatus.Rejected)]
    public async Task Platform_errors_become_results(int errorCode, SendStatus expected)
    {
        _api.FailNext("sendMessage", Chat, errorCode, retryAfter: errorCode == 429 ? 7 : null);

        var result = await SendAsync(Reply.Plain("Halo"));

        Assert.Equal(expected, result.Status);
        Assert.Contains(errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
        Assert.Equal(errorCode == 429 ? TimeSpan.FromSeconds(7) : null, result.RetryAfter);
    }

    [Fact]
    public async Task A_network_failure_is_tried_again_later()
    {
        var sender = new TelegramSender(Client(new FailingHandler()), _media, NullLogger<TelegramSender>.Instance);

        var result = await sender.SendAsync(Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), Reply.Plain("Halo"), CancellationToken.None);

        Assert.Equal(SendStatus.RetryLater, result.Status);
        Assert.Null(result.RetryAfter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+6281251234501")]
    [InlineData("chat-5")]
    public async Task An_address_that_is_not_a_chat_id_is_rejected_without_a_call(string address)
    {
        var sender = new TelegramSender(Client(_api), _media, NullLogger<TelegramSender>.Instance);

        var result = await sender.SendAsync(address, Reply.Plain("Halo"), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, result.Status);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task A_photo_goes_with_the_text_as_caption_and_the_buttons()
    {
        var photoId = await StorePhotoAsync();

        var result = await SendAsync(new Reply("Rumah Budi, *segera*", [new("Terima", "r:terima:PR-2511-0001")], PhotoId: photoId));

        Assert.Equal(SendStatus.Sent, result.Status);
        var call = Assert.Single(_api.Calls);
        Assert.Equal("sendPhoto", call.Method);
        Assert.StartsWith("attach://", call.Fields["photo"], StringComparison.Ordinal);
        Assert.Contains("(file)", call.Fields.Values);
        Assert.Equal("Rumah Budi, <b>segera</b>", call.Fields["caption"]);
        Assert.Single(call.InlineButtons);
    }

    [Fact]
    public async Task A_text_too_long_for_a_caption_follows_the_photo_as_a_message()
    {
        var photoId = await StorePhotoAsync();
        var text = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"{i}. Jawaban yang cukup panjang untuk ringkasan"));

        var result = await SendAsync(new Reply(text, [new("Terima", "r:terima:PR-2511-0001")], PhotoId: photoId));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(["sendPhoto", "sendMessage"], _api.Calls.Select(c => c.Method));
        Assert.False(_api.Calls[0].Fields.ContainsKey("caption"));
        Assert.Equal(text, _api.Calls[1].Fields["text"]);
        Assert.Single(_api.Calls[1].InlineButtons);
    }

    [Fact]
    public async Task A_missing_photo_file_still_sends_the_words()
    {
        var result = await SendAsync(new Reply("Rumah Budi", [], PhotoId: "0123456789abcdef0123456789abcdef.jpg"));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal("sendMessage", Assert.Single(_api.Calls).Method);
    }

    private Task<SendResult> SendAsync(Reply reply) =>
        new TelegramSender(Client(_api), _media, NullLogger<TelegramSender>.Instance)
            .SendAsync(Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), reply, CancellationToken.None);

    private async Task<string> StorePhotoAsync()
    {
        using var photo = new MemoryStream(FakeBotApi.PhotoBytes);
        return await _media.SaveAsync(photo, ".jpg", CancellationToken.None);
    }

    private static TelegramClients Client(HttpMessageHandler handler)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("telegram").ConfigurePrimaryHttpMessageHandler(() => handler);
        var options = Options.Create(new TelegramOptions { BotToken = TelegramTestHost.Token, ApiBaseUrl = TelegramTestHost.ApiBaseUrl });
        return new TelegramClients(services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), options);
    }

    public void Dispose()
    {
        _api.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (telegram.test:80)");
    }
}
