using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// A Telegram Bot API for a host running as a child process: Kestrel on 127.0.0.1, every sendMessage recorded when it
/// arrives and answered only after <see cref="SendDelay"/>, so a test can kill the host while messages are on the wire.
/// Outlives the host: a restarted host sends to the same fake.
/// </summary>
public sealed class SlowBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _token;
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();
    private int _messageId = 1000;
    private int _inFlight;

    private SlowBotApi(WebApplication app, string token)
    {
        _app = app;
        _token = token;
    }

    public string BaseUrl { get; private set; } = "";

    public TimeSpan SendDelay { get; set; }

    /// <summary>sendMessage calls received but not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Every sendMessage received, in arrival order, with the message_id it was (or would have been) answered with.</summary>
    public IReadOnlyList<ReceivedMessage> Received => [.. _received];

    public static async Task<SlowBotApi> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Not the console lifetime: the test runner's signals are not this fake's business.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new SlowBotApi(app, token);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // Bot API addresses are /bot<token>/<method>.
    private async Task HandleAsync(HttpContext http)
    {
        var prefix = $"/bot{_token}/";
        var path = http.Request.Path.Value ?? "";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await WriteAsync(http, 401, new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" });
            return;
        }

        if (path[prefix.Length..] != "sendMessage")
        {
            await WriteAsync(http, 200, new JsonObject { ["ok"] = true, ["result"] = true });
            return;
        }

        var fields = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var chatId = long.Parse(fields["chat_id"]?.ToString() ?? "0", CultureInfo.InvariantCulture);
        var text = (string?)fields["text"] ?? "";
        var messageId = Interlocked.Increment(ref _messageId);
        Interlocked.Increment(ref _inFlight);
        _received.Enqueue(new ReceivedMessage(chatId, messageId, text));
        try
        {
            await Task.Delay(SendDelay, CancellationToken.None);
            await WriteAsync(http, 200, new JsonObject
            {
                ["ok"] = true,
                ["result"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                    ["text"] = text,
                },
            });
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The host was killed while waiting for this answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions()));
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>One sendMessage as the fake received it.</summary>
public sealed record ReceivedMessage(long ChatId, int MessageId, string Text);
