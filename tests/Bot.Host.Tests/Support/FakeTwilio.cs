using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// A stand-in for Twilio's REST API over real HTTP (Kestrel on 127.0.0.1, a free port): records every message the bot
/// creates (<c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>, Basic auth checked) and serves media downloads. Can be
/// told to fail the next message to a number with an HTTP status and a Twilio error code, as Twilio answers.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "twilio-test-auth-token-0001";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TwilioMessage> _messages = new();
    private readonly ConcurrentQueue<(string To, int Status, int Code)> _failures = new();
    private int _sid;

    private FakeTwilio(WebApplication app) => _app = app;

    /// <summary>What every media download serves (content type and bytes); a test may change it.</summary>
    public (string ContentType, byte[] Bytes) Media { get; set; } = ("image/jpeg", FakeBotApi.PhotoBytes);

    public string BaseUrl { get; private set; } = "";

    private int _mediaDownloads;

    /// <summary>How many media downloads were served.</summary>
    public int MediaDownloads => Volatile.Read(ref _mediaDownloads);

    /// <summary>Every message created, failed ones included, in order.</summary>
    public IReadOnlyList<TwilioMessage> Messages => [.. _messages];

    /// <summary>Messages Twilio accepted for <paramref name="to"/> (<c>whatsapp:+62…</c> or <c>+62…</c>), in order.</summary>
    public IReadOnlyList<TwilioMessage> SentTo(string to) => [.. _messages.Where(m => m.To == to && m.Succeeded)];

    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilio(app);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", fake.CreateMessageAsync);
        app.MapGet("/2010-04-01/Accounts/{sid}/Messages/{message}/Media/{media}", fake.Download);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>The next message to <paramref name="to"/> fails with <paramref name="status"/> and Twilio's <paramref name="code"/>.</summary>
    public void FailNext(string to, int status, int code) => _failures.Enqueue((to, status, code));

    private async Task<IResult> CreateMessageAsync(HttpContext http, string sid)
    {
        if (sid != AccountSid || !Authorized(http.Request))
        {
            return Error(401, 20003, "Authentication Error - invalid username");
        }

        var form = await http.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        var to = fields.GetValueOrDefault("To") ?? "";
        if (TakeFailure(to) is { } failure)
        {
            _messages.Enqueue(new TwilioMessage(fields, null, false));
            return Error(failure.Status, failure.Code, $"Scripted failure {failure.Code}");
        }

        var messageSid = $"SM{Interlocked.Increment(ref _sid):D32}";
        _messages.Enqueue(new TwilioMessage(fields, messageSid, true));
        var body = new JsonObject
        {
            ["sid"] = messageSid,
            ["account_sid"] = AccountSid,
            ["to"] = to,
            ["from"] = fields.GetValueOrDefault("From"),
            ["body"] = fields.GetValueOrDefault("Body"),
            ["status"] = "queued",
            ["num_media"] = "0",
            ["num_segments"] = "1",
            ["direction"] = "outbound-api",
            ["api_version"] = "2010-04-01",
            ["date_created"] = DateTimeOffset.UtcNow.ToString("r"),
            ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{messageSid}.json",
        };
        return Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, 201);
    }

    private IResult Download(HttpContext http)
    {
        if (!Authorized(http.Request))
        {
            return Error(401, 20003, "Authentication Error");
        }

        Interlocked.Increment(ref _mediaDownloads);
        return Results.Bytes(Media.Bytes, Media.ContentType);
    }

    private (string To, int Status, int Code)? TakeFailure(string to)
    {
        lock (_failures)
        {
            var all = _failures.ToArray();
            var match = Array.FindIndex(all, f => f.To == to);
            if (match < 0)
            {
                return null;
            }

            _failures.Clear();
            foreach (var other in all.Where((_, i) => i != match))
            {
                _failures.Enqueue(other);
            }

            return all[match];
        }
    }

    private static bool Authorized(HttpRequest request) =>
        request.Headers.Authorization.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));

    private static IResult Error(int status, int code, string message) => Results.Content(new JsonObject
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    }.ToJsonString(), "application/json", Encoding.UTF8, status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One message the bot asked Twilio to send: its form fields, the sid given, and whether it was accepted.</summary>
public sealed record TwilioMessage(IReadOnlyDictionary<string, string> Fields, string? Sid, bool Succeeded)
{
    public string To => Fields.GetValueOrDefault("To") ?? "";

    public string From => Fields.GetValueOrDefault("From") ?? "";

    public string Body => Fields.GetValueOrDefault("Body") ?? "";

    public string? MediaUrl => Fields.GetValueOrDefault("MediaUrl");

    public string? ContentSid => Fields.GetValueOrDefault("ContentSid");

    public override string ToString() => $"{To}: {Body}";
}
