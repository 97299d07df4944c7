using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Posyandu.Bench.LoadDriver;

/// <summary>
/// A fast stand-in for the Telegram Bot API on 127.0.0.1 (Kestrel): answers sendMessage, sendPhoto, getFile, file
/// downloads, answerCallbackQuery, getMe, setWebhook and deleteWebhook as Telegram does, and counts what reaches each chat
/// so the driver can wait for a reply before a kader sends the next message.
/// </summary>
internal sealed class FakeBotApi : IAsyncDisposable
{
    /// <summary>A tiny but real JPEG (1×1 pixel), served for every file download.</summary>
    private static readonly byte[] PhotoBytes = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////" +
        "wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVN//2Q==");

    private readonly ConcurrentDictionary<long, ChatInbox> _chats = new();
    private readonly ConcurrentDictionary<string, int> _unknown = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private readonly string _token;
    private long _deliveries;
    private long _otherCalls;
    private int _messageId = 1000;

    private FakeBotApi(WebApplication app, string token)
    {
        _app = app;
        _token = token;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>sendMessage and sendPhoto calls answered so far.</summary>
    public long Deliveries => Interlocked.Read(ref _deliveries);

    /// <summary>Every other call answered (answerCallbackQuery, getFile, downloads, getMe, setWebhook).</summary>
    public long OtherCalls => Interlocked.Read(ref _otherCalls);

    /// <summary>Methods the bot called that this fake does not know (answered 404, as Telegram would).</summary>
    public IReadOnlyDictionary<string, int> Unknown => _unknown;

    public static async Task<FakeBotApi> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Not the console lifetime: it would swallow Ctrl-C and SIGTERM, and the driver (and the host it started) would run on.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeBotApi(app, token);
        app.Run(fake.RouteAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>How many messages reached <paramref name="chatId"/> so far.</summary>
    public int CountFor(long chatId) => Inbox(chatId).Count;

    /// <summary>The text (or caption) of the last message to <paramref name="chatId"/>.</summary>
    public string LastTextFor(long chatId) => Inbox(chatId).LastText;

    /// <summary>Completes once more than <paramref name="seen"/> messages reached the chat; false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitBeyondAsync(long chatId, int seen, TimeSpan timeout) => Inbox(chatId).WaitBeyondAsync(seen, timeout);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private ChatInbox Inbox(long chatId) => _chats.GetOrAdd(chatId, _ => new ChatInbox());

    // Bot API addresses are /bot<token>/<method> and /file/bot<token>/<path>; the token holds a colon, so the path is read by hand.
    private async Task RouteAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        IResult result;
        if (path.StartsWith($"/file/bot{_token}/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _otherCalls);
            result = Results.Bytes(PhotoBytes, "image/jpeg");
        }
        else if (path.StartsWith($"/bot{_token}/", StringComparison.Ordinal))
        {
            result = await HandleAsync(http, path[(_token.Length + 5)..]);
        }
        else
        {
            result = Error(401, "Unauthorized");
        }

        await result.ExecuteAsync(http);
    }

    private async Task<IResult> HandleAsync(HttpContext http, string method)
    {
        var fields = await ReadFieldsAsync(http.Request);
        var chatId = fields.TryGetValue("chat_id", out var chat) && long.TryParse(chat, out var id) ? id : 0;
        switch (method)
        {
            case "sendMessage":
            case "sendPhoto":
                var text = fields.GetValueOrDefault("text") ?? fields.GetValueOrDefault("caption") ?? "";
                var sent = SentMessage(method, chatId, text);
                Interlocked.Increment(ref _deliveries);
                Inbox(chatId).Add(text);
                return Ok(sent);
            case "getFile":
                Interlocked.Increment(ref _otherCalls);
                return Ok(new JsonObject
                {
                    ["file_id"] = fields.GetValueOrDefault("file_id") ?? "",
                    ["file_unique_id"] = "AQADm7wxG2",
                    ["file_size"] = PhotoBytes.Length,
                    ["file_path"] = $"photos/file_{Interlocked.Increment(ref _messageId)}.jpg",
                });
            case "getMe":
                Interlocked.Increment(ref _otherCalls);
                return Ok(new JsonObject { ["id"] = 7012345678, ["is_bot"] = true, ["first_name"] = "Posyandu Bot", ["username"] = "posyandu_load_bot" });
            case "answerCallbackQuery" or "setWebhook" or "deleteWebhook" or "sendChatAction":
                Interlocked.Increment(ref _otherCalls);
                return Ok(JsonValue.Create(true));
            default:
                _unknown.AddOrUpdate(method, 1, (_, n) => n + 1);
                return Error(404, "Not Found: method not found");
        }
    }

    private JsonObject SentMessage(string method, long chatId, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
        };
        if (method == "sendPhoto")
        {
            message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "sent-photo", ["file_unique_id"] = "sent", ["width"] = 1, ["height"] = 1 });
            message["caption"] = text;
        }
        else
        {
            message["text"] = text;
        }

        return message;
    }

    /// <summary>The request's parameters as text, from a JSON body or a form (file parts are skipped).</summary>
    private static async Task<Dictionary<string, string>> ReadFieldsAsync(HttpRequest request)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (name, value) in form)
            {
                fields[name] = value.ToString();
            }
        }
        else if (request.ContentLength is not 0)
        {
            try
            {
                if (await JsonNode.ParseAsync(request.Body) is JsonObject json)
                {
                    foreach (var (name, value) in json)
                    {
                        fields[name] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
                    }
                }
            }
            catch (JsonException)
            {
                // An empty or odd body: the method is answered from its name alone.
            }
        }

        return fields;
    }

    private static IResult Ok(JsonNode result) =>
        Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Error(int code, string description) =>
        Results.Text(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }.ToJsonString(), "application/json", statusCode: code);

    /// <summary>A lifetime that leaves the process's signals alone; the driver stops the fake itself.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>What reached one chat: a count, the last text, and the one kader waiting for the next message.</summary>
    private sealed class ChatInbox
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource? _waiter;
        private int _waitingBeyond;

        public int Count { get; private set; }

        public string LastText { get; private set; } = "";

        public void Add(string text)
        {
            TaskCompletionSource? wake = null;
            lock (_lock)
            {
                Count++;
                LastText = text;
                if (_waiter is not null && Count > _waitingBeyond)
                {
                    (wake, _waiter) = (_waiter, null);
                }
            }

            wake?.TrySetResult();
        }

        public async Task<bool> WaitBeyondAsync(int seen, TimeSpan timeout)
        {
            TaskCompletionSource waiter;
            lock (_lock)
            {
                if (Count > seen)
                {
                    return true;
                }

                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                (_waiter, _waitingBeyond) = (waiter, seen);
            }

            try
            {
                await waiter.Task.WaitAsync(timeout);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}
