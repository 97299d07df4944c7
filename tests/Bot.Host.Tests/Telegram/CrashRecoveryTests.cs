using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Telegram;

/// <summary>
/// The built host killed with SIGKILL in the middle of a burst, while replies are on the wire, and started again on the
/// same files: the new process takes over at once (it does not wait for the dead one's leases to run out), every chat's
/// queue drains in order, and only the one message per chat that was on the wire may reach the chat twice.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class CrashRecoveryTests : IDisposable
{
    private const string Token = "123456789:CRASH-token_for-process-test";
    private const string Secret = "crash-test-webhook-secret_0001";

    /// <summary>Far under the 2-minute lease the restarted host used to wait for, far over what draining takes.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

    // The demo roster's kader, each on their own Telegram chat.
    private static readonly TelegramUser[] Kader =
    [
        TelegramUser.Siti,
        new("Nur Aisyah", "6281251234502", 5123450002),
        new("Rina Marlina", "6281251234503", 5123450003),
        new("Wahyuni", "6281251234504", 5123450004),
    ];

    private static readonly string[] Burst = ["menu", "bantuan", "batal", "menu", "halo", "bantuan", "menu", "batal"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posyandu-crash-" + Guid.NewGuid().ToString("N"));

    public CrashRecoveryTests() => Directory.CreateDirectory(_folder);

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "posyandu.db")}";

    [HostProcessFact]
    public async Task A_host_killed_mid_burst_is_taken_over_at_once_on_restart_and_each_chat_drains_in_order_once()
    {
        await using var botApi = await SlowBotApi.StartAsync(Token);
        // Slow enough that replies are still being sent when the host is killed.
        botApi.SendDelay = TimeSpan.FromMilliseconds(300);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = ConnectionString,
            ["Database__Provider"] = "Sqlite",
            ["Hangfire__Storage"] = "InMemory",
            ["Demo__Enabled"] = "true",
            ["Media__Path"] = Path.Combine(_folder, "media"),
            ["Telegram__BotToken"] = Token,
            ["Telegram__Mode"] = "Webhook",
            ["Telegram__WebhookSecret"] = Secret,
            ["Telegram__WebhookUrl"] = "",
            ["Telegram__ApiBaseUrl"] = botApi.BaseUrl,
            ["Telegram__Pacing__PerChatPerSecond"] = "0",
            ["Telegram__Pacing__PerSecond"] = "0",
        };
        var updates = Kader.ToDictionary(k => k, k => (JsonObject[])[Updates.OwnContact(k), .. Burst.Select(t => Updates.Text(k, t))]);
        var output = new ConcurrentQueue<string>();

        Dictionary<TelegramUser, int> acknowledged;
        int receivedAtKill;
        using (var first = await HostProcess.StartAsync(_folder, environment, output))
        using (var http = new HttpClient { BaseAddress = new Uri(first.BaseUrl) })
        {
            // Each chat's updates one after the other, as Telegram delivers them; the chats side by side.
            var posting = Kader.ToDictionary(k => k, k => PostAsync(http, updates[k], 0));
            await Eventually.True(() => botApi.InFlight > 0 && botApi.Received.Count >= Kader.Length, "replies on the wire", TimeSpan.FromSeconds(30));
            first.Kill();
            receivedAtKill = botApi.Received.Count;
            acknowledged = [];
            foreach (var (kader, task) in posting)
            {
                acknowledged[kader] = await task;
            }
        }

        using var second = await HostProcess.StartAsync(_folder, environment, output);
        using (var http = new HttpClient { BaseAddress = new Uri(second.BaseUrl) })
        {
            // Telegram delivers again every update it got no 200 for.
            var rest = await Task.WhenAll(Kader.Select(k => PostAsync(http, updates[k], acknowledged[k])));
            Assert.All(rest, done => Assert.Equal(Burst.Length + 1, done));
        }

        await Eventually.True(async () => botApi.InFlight == 0 && await PendingAsync() == 0, "every chat's queue to drain", DrainLimit);

        Assert.True(botApi.Received.Count > receivedAtKill, "the restarted host had messages left to send");
        Assert.Contains(output, l => l.Contains("held by a host process that is gone were freed", StringComparison.Ordinal));
        await using var db = Db();
        Assert.Equal(Kader.Length * (Burst.Length + 1), await db.Inbound.CountAsync());
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Channel == "telegram").OrderBy(o => o.Id).ToListAsync();
        foreach (var kader in Kader)
        {
            var address = kader.ChatId.ToString(CultureInfo.InvariantCulture);
            var stored = rows.Where(r => r.Address == address).ToList();
            Assert.True(stored.Count > Burst.Length, $"{kader.Name}: a reply to every message");
            Assert.All(stored, r => Assert.Equal(OutboxStatus.Sent, r.Status));

            // In order and once: the sends the host recorded as done are, in the chat, exactly its outbox in order …
            var calls = botApi.Received.Where(c => c.ChatId == kader.ChatId).ToList();
            var sentIds = stored.Select(r => r.PlatformMessageId).ToList();
            Assert.Equal(sentIds, calls.Select(c => c.MessageId.ToString(CultureInfo.InvariantCulture)).Where(sentIds.Contains));

            // … and what else reached the chat is at most the one that was on the wire, sent again right after.
            var unrecorded = calls.Where(c => !sentIds.Contains(c.MessageId.ToString(CultureInfo.InvariantCulture))).ToList();
            Assert.True(unrecorded.Count <= 1, $"{kader.Name}: {unrecorded.Count} messages beyond the outbox: {string.Join(" | ", unrecorded)}");
            foreach (var twice in unrecorded)
            {
                Assert.Equal(twice.Text, calls[calls.IndexOf(twice) + 1].Text);
            }
        }
    }

    /// <summary>Posts the updates from <paramref name="from"/> in order; returns how many of them were answered 200 in all.</summary>
    private static async Task<int> PostAsync(HttpClient http, JsonObject[] updates, int from)
    {
        for (var i = from; i < updates.Length; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram")
            {
                Content = new StringContent(updates[i].ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            try
            {
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return i;
                }
            }
            catch (HttpRequestException)
            {
                return i; // killed
            }
        }

        return updates.Length;
    }

    private async Task<int> PendingAsync()
    {
        await using var db = Db();
        return await db.Outbox.CountAsync(o => o.Channel == "telegram" && o.Status == OutboxStatus.Pending);
    }

    private SqlitePosyanduDb Db() => new(new DbContextOptionsBuilder<SqlitePosyanduDb>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqlitePools.Clear(_folder);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder; harmless.
        }
    }
}
