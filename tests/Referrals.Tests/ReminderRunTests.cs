using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reminders;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

/// <summary>
/// A district-sized reminder run on a real SQLite file: stopped half-way (after some batches committed) and resumed by the
/// sweep, every recipient gets exactly one outbox message; sweeping again, or two sweeps at once, adds nothing. The
/// outbox is delivered by the real dispatcher through a platform that enforces the pace's limits: everyone gets exactly
/// one message and the platform never answers 429.
/// </summary>
public sealed class ReminderRunTests
{
    private const int Kader = 5000;

    // Telegram's limits are 30 a second and 1 a second per chat; the pace here is raised so that 5,000 messages take
    // seconds rather than minutes. The platform enforces whatever the pace says, so the pacer is what is tested.
    private const int PerSecond = 250;
    private const int PerChatPerSecond = 1;

    // As many deliveries at once as the host's Hangfire workers run.
    private const int Workers = 20;

    [Fact]
    public async Task A_run_stopped_half_way_resumes_and_sends_everyone_exactly_once()
    {
        var platform = new LimitEnforcingPlatform("telegram", PerSecond, PerChatPerSecond);
        await using var host = await TestHost.StartAsync(demoRoster: false, configure: services =>
        {
            services.Configure<ReminderOptions>(o =>
            {
                o.BatchSize = 500;
                o.HariBuka.Time = "22:00"; // in the quiet hours: the run is recorded and waits for 06:00
            });
            services.AddSingleton(new ChannelPace("telegram", PerSecond, PerChatPerSecond));
            services.AddSingleton<IChannelSender>(platform);
        });
        await SeedAsync(host);
        var runner = host.Get<ReminderRunner>();

        // Saturday 31 January 2026, 22:00 WITA: the Posyandu opens on 1 February.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 31, 22, 0, 0, TimeSpan.FromHours(8)));
        await runner.FireAsync(ReminderKind.HariBuka, Roster.WilayahTimeZone.Wita, CancellationToken.None);
        long runId;
        await using (var db = host.Db())
        {
            var run = await db.ReminderRuns.SingleAsync();
            Assert.Equal((ReminderRunStatus.Waiting, new DateTimeOffset(2026, 2, 1, 6, 0, 0, TimeSpan.FromHours(8))), (run.Status, run.DueAt));
            Assert.Equal(Kader, await db.ReminderRecipients.CountAsync(r => r.Status == ReminderRecipientStatus.Pending));
            Assert.Equal(0, await db.Outbox.CountAsync());
            runId = run.Id;
        }

        // 06:00: the host stops after four batches.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 1, 6, 0, 0, TimeSpan.FromHours(8)));
        await runner.ProcessAsync(runId, maxBatches: 4, CancellationToken.None);
        await using (var db = host.Db())
        {
            Assert.Equal(2000, await db.Outbox.CountAsync(o => o.Kind == OutboxKind.Reminder));
            Assert.Equal(ReminderRunStatus.Running, (await db.ReminderRuns.SingleAsync()).Status);
        }

        // What the workers had taken up before the host stopped goes out.
        await DeliverAsync(host);
        Assert.Equal(2000, platform.Sent);

        // Back up: two sweeps at once, then one more.
        await Task.WhenAll(runner.SweepAsync(false, CancellationToken.None), runner.SweepAsync(false, CancellationToken.None));
        await runner.SweepAsync(false, CancellationToken.None);

        await using (var db = host.Db())
        {
            var perPerson = await db.Outbox.Where(o => o.Kind == OutboxKind.Reminder).GroupBy(o => o.PersonId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(Kader, perPerson.Count);
            Assert.All(perPerson, count => Assert.Equal(1, count));
            Assert.Equal(Kader, await db.ReminderRecipients.CountAsync(r => r.Status == ReminderRecipientStatus.Queued && r.OutboxMessageId != null));
            var run = await db.ReminderRuns.SingleAsync();
            Assert.Equal(ReminderRunStatus.Done, run.Status);
        }

        var progress = Assert.Single(await host.Get<ReminderRunQueries>().RecentAsync(10, CancellationToken.None)).Progress;
        Assert.Equal(new ReminderProgress(Kader, 2000, Kader - 2000, 0, 0), progress); // the rest written to the outbox, not yet delivered

        await DeliverAsync(host);
        Assert.Equal(0, platform.TooManyRequests);
        Assert.Equal(Kader, platform.Delivered.Count);
        Assert.All(platform.Delivered.Values, count => Assert.Equal(1, count));
        await using (var db = host.Db())
        {
            Assert.Equal(Kader, await db.Outbox.CountAsync(o => o.Kind == OutboxKind.Reminder && o.Status == OutboxStatus.Sent));
        }

        var done = Assert.Single(await host.Get<ReminderRunQueries>().RecentAsync(10, CancellationToken.None)).Progress;
        Assert.Equal(new ReminderProgress(Kader, Kader, 0, 0, 0), done);
    }

    /// <summary>Runs the delivery jobs the run asked for, as the host's workers would: each chat once, several at a time.</summary>
    private static async Task DeliverAsync(TestHost host)
    {
        var dispatcher = host.Get<OutboxDispatcher>();
        var chats = new List<ChatAddress>();
        while (host.Scheduler.Soon.TryDequeue(out var chat))
        {
            chats.Add(chat);
        }

        Assert.Empty(host.Scheduler.Later); // nothing was put off: no retry, no 429
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = Workers },
            async (chat, cancellationToken) => await dispatcher.DeliverAsync(chat.Channel, chat.Address, cancellationToken));
    }

    private static async Task SeedAsync(TestHost host)
    {
        await using var db = host.Db();
        var now = host.Clock.GetUtcNow();
        var posyandu = new PosyanduRecord { DesaKode = "64.02.01.2001", Nama = "Posyandu Besar", HariBuka = 1 };
        db.Posyandu.Add(posyandu);
        for (var i = 0; i < Kader; i++)
        {
            var number = (100000 + i).ToString(CultureInfo.InvariantCulture);
            var person = new Person
            {
                Peran = "KADER", Nama = "Kader " + number, Phone = "+62812" + number + "00", KodeWilayah = "64.02.01.2001",
                Posyandu = posyandu, CreatedAt = now, UpdatedAt = now,
            };
            db.People.Add(person);
            db.ChannelLinks.Add(new ChannelLink { Channel = "telegram", Address = number, Person = person, LinkedAt = now });
        }

        await db.SaveChangesAsync();
    }
}
