using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Tests.Postgres;

namespace Posyandu.Bot.Host.Tests.Postgres;

/// <summary>
/// Two hosts behind one webhook URL on one PostgreSQL database (and Hangfire's PostgreSQL storage): every update reaches
/// both at once, as a platform redelivering to a load balancer would, while several kader walk a whole report.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public class TwoInstancesTests(PostgresServer server)
{
    private static readonly TelegramUser Rina = new("Rina Marlina", "+6281251234503", 5123450003);
    private static readonly TelegramUser Wahyuni = new("Wahyuni", "+6281251234504", 5123450004);

    [PostgresFact]
    public async Task Every_update_is_handled_once_and_in_order_per_chat_whichever_host_gets_it()
    {
        using var first = new TelegramTestHost(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = await server.CreateDatabaseAsync(),
            ["Hangfire:Storage"] = "Postgres",
        });
        _ = first.Services; // Migrates and imports the demo roster before the second one starts on the same database.
        using var second = first.Sibling();
        _ = second.Services;

        TelegramUser[] kader = [TelegramUser.Siti, Rina, Wahyuni];
        var posted = await Task.WhenAll(kader.Select(k => WalkOnBothAsync(first, second, k)));

        var numbers = new List<string>();
        foreach (var person in kader)
        {
            var confirmation = await Eventually.Get(
                () => first.BotApi.SentTo(person.ChatId).Select(m => RtlhJourney.ReportNumber().Match(m.Text)).FirstOrDefault(m => m.Success),
                $"the report number to {person.Name}", TimeSpan.FromSeconds(60));
            numbers.Add(confirmation.Value);
            await first.SettledAsync(person);
        }

        // Report numbers stay unique and gap-free per prefix and month, whichever instance stored the report.
        var period = numbers[0][..7];
        Assert.All(numbers, n => Assert.StartsWith(period, n, StringComparison.Ordinal));
        Assert.Equal(["0001", "0002", "0003"], numbers.Select(n => n[^4..]).Order());

        await using var db = await first.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
        // Each update recorded once although both hosts received it.
        Assert.Equal(posted.Sum(), await db.Inbound.CountAsync());
        var reports = await db.Reports.AsNoTracking().ToListAsync();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Contains("Budi Santoso", r.AnswersJson, StringComparison.Ordinal));

        foreach (var person in kader)
        {
            var rows = await first.OutboxToAsync(person);
            var sent = first.BotApi.SentTo(person.ChatId);
            // Every reply went out once (nothing twice, no question repeated by a message handled twice or out of turn) …
            Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
            Assert.Equal(rows.Count, sent.Count);
            Assert.DoesNotContain(sent, m => m.Text.Contains("Maaf", StringComparison.Ordinal));
            // … and in the order it was written: the platform's message ids grow with the outbox's.
            var platformIds = rows.Select(r => long.Parse(r.PlatformMessageId!, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(platformIds.Order(), platformIds);
        }

        first.AssertNoErrors();
        second.AssertNoErrors();
    }

    /// <summary>
    /// Links the kader and walks an RTLH report to <c>kirim</c>, each update posted to both hosts at the same moment; the
    /// next update follows once both answered, as a platform sends a chat's updates one after another. Returns how many.
    /// </summary>
    private static async Task<int> WalkOnBothAsync(TelegramTestHost first, TelegramTestHost second, TelegramUser kader)
    {
        JsonObject[] script =
        [
            Updates.OwnContact(kader),
            Updates.Callback(kader, "m:PR"),
            Updates.Callback(kader, "t:PR-RTLH"),
            .. Texts(kader, "Budi Santoso", "lewati", "enam orang", "30 m2"),
            Updates.Callback(kader, "c:atap:3"),
            .. Texts(kader, "4", "tanah", "kokoh", "3", "2", "ya", "1", "1", "tidak", "Jl. Poros Perian No. 12", "RT 3 RW 4"),
            Updates.Location(kader),
            Updates.Photo(kader),
            .. Texts(kader, "selesai", "lewati", "kirim"),
        ];

        foreach (var update in script)
        {
            var answers = await Task.WhenAll(first.PostUpdateAsync(update), second.PostUpdateAsync(update));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }

        return script.Length;
    }

    private static IEnumerable<JsonObject> Texts(TelegramUser kader, params string[] texts) => texts.Select(t => Updates.Text(kader, t));
}
