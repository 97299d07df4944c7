using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// The real host (see <see cref="TelegramTestHost"/>: SQLite file, Hangfire, demo roster, Telegram against its fake) with
/// Twilio on: the test account, <c>https://bot.example.id</c> as the public URL the samples are signed for, and the REST
/// API replaced by a <see cref="FakeTwilio"/> server over HTTP.
/// </summary>
public sealed partial class TwilioTestHost : IAsyncDisposable
{
    public const string WhatsAppFrom = "whatsapp:+14155238886";
    public const string SmsFrom = "+14155550100";

    private static int _nextSid;

    private TwilioTestHost(FakeTwilio twilio, TelegramTestHost host)
    {
        Twilio = twilio;
        Host = host;
    }

    public FakeTwilio Twilio { get; }

    public TelegramTestHost Host { get; }

    public static async Task<TwilioTestHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var twilio = await FakeTwilio.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Twilio:WhatsAppFrom"] = WhatsAppFrom,
            ["Twilio:SmsFrom"] = SmsFrom,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl,
            ["Twilio:PublicBaseUrl"] = TwilioRequest.PublicBaseUrl,
            ["Twilio:Pacing:PerSecond"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new TwilioTestHost(twilio, new TelegramTestHost(settings));
    }

    /// <summary>Posts the request to the host as Twilio would.</summary>
    public async Task<HttpResponseMessage> PostAsync(TwilioRequest request)
    {
        using var message = request.ToHttp();
        return await Host.Http.SendAsync(message);
    }

    /// <summary>A fresh, signed inbound message from <paramref name="from"/> (<c>whatsapp:+62…</c> or <c>+62…</c>).</summary>
    public static TwilioRequest Message(string from, string body, params (string Name, string Value)[] more)
    {
        var sid = $"SM{Interlocked.Increment(ref _nextSid):D8}{Guid.NewGuid():N}"[..34];
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = FakeTwilio.AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["MessageSid"] = sid,
            ["SmsMessageSid"] = sid,
            ["From"] = from,
            ["To"] = from.StartsWith("whatsapp:", StringComparison.Ordinal) ? WhatsAppFrom : SmsFrom,
            ["Body"] = body,
            ["NumMedia"] = "0",
        };
        if (from.StartsWith("whatsapp:", StringComparison.Ordinal))
        {
            fields["WaId"] = from["whatsapp:+".Length..];
            fields["ProfileName"] = "Kader";
        }

        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return TwilioRequest.Signed("/webhooks/twilio", fields);
    }

    /// <summary>What the person does: posts the message (expecting 200 and empty TwiML) and waits for the bot's answers to <paramref name="from"/>.</summary>
    public async Task<IReadOnlyList<TwilioMessage>> SendAsync(string from, string body, params (string Name, string Value)[] more) =>
        await SendAsync(Message(from, body, more));

    public async Task<IReadOnlyList<TwilioMessage>> SendAsync(TwilioRequest request)
    {
        var from = request.Field("From");
        var before = Twilio.SentTo(from).Count;
        using var response = await PostAsync(request);
        var content = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Webhook answered {(int)response.StatusCode}; warnings logged:\n" + string.Join("\n", Host.Logs.Entries.Where(e => e.Level >= LogLevel.Warning)));
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("<Response ?/>|<Response></Response>", content);
        return await RepliesAfterAsync(from, before);
    }

    /// <summary>Waits for messages to <paramref name="to"/> beyond the first <paramref name="before"/>, until they stop coming.</summary>
    public async Task<IReadOnlyList<TwilioMessage>> RepliesAfterAsync(string to, int before)
    {
        await Eventually.True(() => Twilio.SentTo(to).Count > before, $"a message to {to}");
        var count = 0;
        while (count != Twilio.SentTo(to).Count)
        {
            count = Twilio.SentTo(to).Count;
            await Task.Delay(300);
        }

        return [.. Twilio.SentTo(to).Skip(before)];
    }

    [GeneratedRegex(@"\b[A-Z]{2}-\d{4}-\d{4}\b")]
    public static partial Regex ReportNumber();

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Twilio.DisposeAsync();
    }
}
