using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// The real host through WebApplicationFactory: a real SQLite file in a temp folder, the demo roster, real Hangfire
/// (in memory), Telegram in webhook mode with a token and a secret, and the Bot API replaced by <see cref="FakeBotApi"/>.
/// Every log entry is captured in <see cref="Logs"/>.
/// </summary>
public sealed class TelegramTestHost : WebApplicationFactory<Program>
{
    public const string Token = "123456789:TEST-token_for-integration";
    public const string Secret = "test-webhook-secret_0001";
    public const string ApiKey = "test-admin-api-key-0001";
    public const string ApiBaseUrl = "http://telegram.test";

    private readonly Dictionary<string, string?> _settings;
    private bool _keepFolder;
    private HttpClient? _client;

    public TelegramTestHost(IReadOnlyDictionary<string, string?>? overrides = null)
        : this(Path.Combine(Path.GetTempPath(), "posyandu-host-" + Guid.NewGuid().ToString("N")), new FakeBotApi(Token), new LogCapture(), overrides)
    {
    }

    private TelegramTestHost(string folder, FakeBotApi botApi, LogCapture logs, IReadOnlyDictionary<string, string?>? overrides)
    {
        Folder = folder;
        BotApi = botApi;
        Logs = logs;
        Directory.CreateDirectory(folder);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder, "posyandu.db")}",
            ["Database:Provider"] = "Sqlite",
            ["Hangfire:Storage"] = "InMemory",
            ["Demo:Enabled"] = "true",
            ["Media:Path"] = MediaFolder,
            ["Telegram:BotToken"] = Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:ApiBaseUrl"] = ApiBaseUrl,
            ["Telegram:WebhookUrl"] = "",
            ["Admin:ApiKey"] = ApiKey,
            // The tests type faster than any person: one reply a second per chat would only slow every conversation down.
            // The pacing tests set it back.
            ["Telegram:Pacing:PerChatPerSecond"] = "0",
            // As chatty as HttpClient logging gets: proves the telegram client's own request logging is removed (its URIs hold the token).
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    public string MediaFolder => Path.Combine(Folder, "media");

    public FakeBotApi BotApi { get; }

    public LogCapture Logs { get; }

    public HttpClient Http => _client ??= CreateClient();

    /// <summary>When set before the host starts, the host's clock (<see cref="TimeProvider"/>) instead of the system's.</summary>
    public FakeTimeProvider? Clock { get; set; }

    /// <summary>Stops this host and starts a new one on the same database file, media folder, fake Bot API and log capture.</summary>
    public TelegramTestHost Restart()
    {
        _keepFolder = true;
        Dispose();
        var next = new TelegramTestHost(Folder, BotApi, Logs, null) { Clock = Clock };
        foreach (var (key, value) in _settings)
        {
            next._settings[key] = value;
        }

        return next;
    }

    /// <summary>
    /// A second instance beside this one: its own folder, the same settings (database, media folder) and the same fake Bot
    /// API and log capture, as two hosts behind one webhook URL share a database and a platform.
    /// </summary>
    public TelegramTestHost Sibling()
    {
        var sibling = new TelegramTestHost(Path.Combine(Path.GetTempPath(), "posyandu-host-" + Guid.NewGuid().ToString("N")), BotApi, Logs, null) { Clock = Clock };
        foreach (var (key, value) in _settings)
        {
            sibling._settings[key] = value;
        }

        return sibling;
    }

    /// <summary>Nothing went wrong quietly: no error in the log and no failed Hangfire job in this host.</summary>
    public void AssertNoErrors()
    {
        Logs.AssertNoErrors();
        Assert.Equal(0, Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount());
    }

    /// <summary>Posts an update to the webhook with the secret header (or <paramref name="secret"/>; null sends none).</summary>
    public Task<HttpResponseMessage> PostUpdateAsync(JsonObject update, string? secret = Secret) =>
        PostWebhookAsync(update.ToJsonString(), secret);

    public Task<HttpResponseMessage> PostWebhookAsync(string body, string? secret = Secret) =>
        PostWebhookAsync(new StringContent(body, Encoding.UTF8, "application/json"), secret);

    /// <summary>Posts any body (disposed with the request) to the webhook with the secret header.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(HttpContent body, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = body };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>
    /// What the person does in their chat: posts the update (expecting 200) and waits for the bot's answer to reach the fake
    /// Bot API through the outbox and Hangfire. Returns the messages sent to that chat in response.
    /// </summary>
    public Task<IReadOnlyList<BotApiCall>> SendAsync(TelegramUser person, JsonObject update) =>
        SendAsync(person, new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>As <see cref="SendAsync(TelegramUser, JsonObject)"/>, for an update in a body of the test's own making.</summary>
    public async Task<IReadOnlyList<BotApiCall>> SendAsync(TelegramUser person, HttpContent update)
    {
        var before = BotApi.SentTo(person.ChatId).Count;
        using var response = await PostWebhookAsync(update);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Webhook answered {(int)response.StatusCode}; errors logged:\n" + string.Join("\n", Logs.Entries.Where(e => e.Level >= LogLevel.Warning)));
        return await RepliesAfterAsync(person, before);
    }

    /// <summary>
    /// Waits for messages to <paramref name="person"/> beyond the first <paramref name="before"/> and for the chat's outbox
    /// to settle: the replies of one message are written together, so once none is pending they have all gone out.
    /// </summary>
    public async Task<IReadOnlyList<BotApiCall>> RepliesAfterAsync(TelegramUser person, int before)
    {
        await Eventually.True(() => BotApi.SentTo(person.ChatId).Count > before, $"a reply to {person.Name}");
        await SettledAsync(person);
        return [.. BotApi.SentTo(person.ChatId).Skip(before)];
    }

    /// <summary>
    /// Waits until no outbox message to the person's Telegram chat is pending (each one sent, refused or unreachable, its
    /// delivery job done): from then on, what the fake Bot API saw for this chat stays as it is until something new happens.
    /// </summary>
    public Task SettledAsync(TelegramUser person) =>
        Eventually.True(async () => !(await OutboxToAsync(person)).Any(o => o.Status == OutboxStatus.Pending), $"the outbox of {person.Name} to settle");

    /// <summary>Every outbox message to the person's Telegram chat, oldest first, as stored.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxToAsync(TelegramUser person)
    {
        var address = person.ChatId.ToString(CultureInfo.InvariantCulture);
        await using var db = await Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(o => o.Channel == "telegram" && o.Address == address).OrderBy(o => o.Id).ToListAsync();
    }

    /// <summary>Whether the update's id is in the inbound record (handled, or recorded as unused).</summary>
    public async Task<bool> IsRecordedAsync(JsonObject update)
    {
        var id = Updates.UpdateIdOf(update);
        await using var db = await Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        return await db.Inbound.AnyAsync(i => i.Channel == "telegram" && i.PlatformMessageId == id);
    }

    /// <summary>Links the person's chat by sharing their own contact; returns the bot's welcome.</summary>
    public Task<IReadOnlyList<BotApiCall>> LinkAsync(TelegramUser person) => SendAsync(person, Updates.OwnContact(person));

    /// <summary>Presses the inline button whose label contains <paramref name="label"/> in the last message to the person.</summary>
    public Task<IReadOnlyList<BotApiCall>> PressAsync(TelegramUser person, string label)
    {
        var message = BotApi.SentTo(person.ChatId).LastOrDefault(m => m.InlineButtons.Any(b => b.Label.Contains(label, StringComparison.OrdinalIgnoreCase)));
        Assert.True(message is not null, $"No button '{label}' was sent to {person.Name}");
        var data = message.InlineButtons.First(b => b.Label.Contains(label, StringComparison.OrdinalIgnoreCase)).Data;
        return SendAsync(person, Updates.Callback(person, data));
    }

    public Task<HttpResponseMessage> GetApiAsync(string path, string? apiKey = ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await GetApiAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient("telegram").ConfigurePrimaryHttpMessageHandler(() => BotApi);
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        _client?.Dispose();
        base.Dispose(disposing);
        if (disposing && !_keepFolder)
        {
            SqlitePools.Clear(Folder);
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; each host uses a new one.
            }
        }
    }
}
