using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Posyandu.Bench.BroadcastPacing;
using Posyandu.Referrals;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reminders;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Tests.Support;

// A real reminder run (hari buka) to N kader on Telegram, written by the ReminderRunner and delivered by the real
// OutboxDispatcher and OutboxPacer through a fake platform that enforces the limits (429 when broken), on a temp SQLite
// file. Prints the achieved rate as a share of the limit and the number of 429s. See docs/performance.md.
// Usage: [--recipients N] [--per-second N] [--per-chat N] [--workers N] [--batch N] [--unpaced]
// (defaults 10000, 30, 1, 20, 200; --unpaced leaves the pacer off while the platform still enforces: it shows the 429s).
var recipients = Option("--recipients", 10_000);
var perSecond = Option("--per-second", 30);
var perChat = Option("--per-chat", 1);
var workers = Option("--workers", 20);
var batch = Option("--batch", 200);
var unpaced = args.Contains("--unpaced");
var cancel = CancellationToken.None;

var folder = Path.Combine(Path.GetTempPath(), "posyandu-broadcast-pacing", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var database = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "posyandu.db")}" };
// Business time stands still on a Saturday 22:00 WITA, the eve of the Posyandu's opening day; pacing is on the real clock.
var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 31, 22, 0, 0, TimeSpan.FromHours(8)));
var pool = new WorkerPool();
var platform = new LimitEnforcingPlatform("telegram", perSecond, perChat);
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<TimeProvider>(clock);
services.AddSingleton<IOutboxScheduler>(pool);
services.AddSingleton<IDeadlineScheduler>(pool);
services.AddReferrals(database, new MediaOptions { Path = Path.Combine(folder, "media") });
services.Configure<ReminderOptions>(o =>
{
    o.HariBuka.Time = "22:00";
    o.QuietHours = "";
    o.BatchSize = batch;
});
if (!unpaced)
{
    services.AddSingleton(new ChannelPace("telegram", perSecond, perChat));
}

services.AddSingleton<IChannelSender>(platform);

try
{
    await using var provider = services.BuildServiceProvider();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; database {folder}"));
    await DatabaseSetup.MigrateAsync(provider, cancel);
    await SeedAsync(provider.GetRequiredService<IDbContextFactory<PosyanduDb>>(), recipients, clock.GetUtcNow());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{recipients:N0} kader on Telegram; limit {perSecond}/s per bot, {perChat}/s per chat (0 = none){(unpaced ? ", NOT paced" : "")}; {workers} delivery workers; {batch} recipients per run transaction."));

    var elapsed = Stopwatch.StartNew();
    var delivering = pool.RunAsync(provider.GetRequiredService<OutboxDispatcher>, workers, cancel);
    await provider.GetRequiredService<ReminderRunner>().FireAsync(ReminderKind.HariBuka, WilayahTimeZone.Wita, cancel);
    var written = elapsed.Elapsed;
    pool.Complete();
    await delivering;
    var total = elapsed.Elapsed;

    var rate = platform.Sent > 1 ? (platform.Sent - 1) / platform.Span.TotalSeconds : 0;
    var once = platform.Delivered.Count == recipients && platform.Delivered.Values.All(n => n == 1);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run written to the outbox in {written.TotalSeconds:F1} s; last message delivered after {total.TotalSeconds:F1} s."));
    var share = perSecond > 0 ? string.Create(CultureInfo.InvariantCulture, $" = {rate / perSecond:P1} of the limit of {perSecond}/s.") : " (no limit).";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Delivered {platform.Sent:N0} messages in {platform.Span.TotalSeconds:F1} s (first to last): {rate:F2} messages/s") + share);
    Console.WriteLine($"429 answers: {platform.TooManyRequests}; retries scheduled: {pool.Later}; every recipient exactly once: {(once ? "yes" : "NO")}.");
    return platform.TooManyRequests == 0 && once ? 0 : 1;
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

// One desa, one Posyandu opening on 1 February, N kader each with a Telegram chat.
static async Task SeedAsync(IDbContextFactory<PosyanduDb> dbFactory, int count, DateTimeOffset now)
{
    await using var db = await dbFactory.CreateDbContextAsync();
    db.Wilayah.Add(new Wilayah { Kode = "64.02.01.2001", Nama = "Perian", Level = WilayahLevel.Desa });
    var posyandu = new PosyanduRecord { DesaKode = "64.02.01.2001", Nama = "Posyandu Besar", HariBuka = 1 };
    db.Posyandu.Add(posyandu);
    for (var i = 0; i < count; i++)
    {
        var number = (1_000_000 + i).ToString(CultureInfo.InvariantCulture);
        var person = new Person
        {
            Peran = Peran.Kader, Nama = "Kader " + number, Phone = "+62812" + number + "0", KodeWilayah = "64.02.01.2001",
            Posyandu = posyandu, CreatedAt = now, UpdatedAt = now,
        };
        db.People.Add(person);
        db.ChannelLinks.Add(new ChannelLink { Channel = "telegram", Address = number, Person = person, LinkedAt = now });
    }

    await db.SaveChangesAsync();
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
