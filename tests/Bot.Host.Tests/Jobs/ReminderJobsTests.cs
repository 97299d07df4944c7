using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Posyandu.Bot.Host.Jobs;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Jobs;

/// <summary>
/// Reminder schedules through the running host's real jobs, on a real SQLite file with a fake clock: hari buka and the
/// monthly reminder in WIB, WITA and WIT across a month boundary, each at its own local time and once per occurrence;
/// opted-out people and kader who already reported are skipped with the reason; a digest due in the quiet hours waits
/// for 06:00; progress at <c>GET /api/reminders/runs</c>.
/// </summary>
public sealed class ReminderJobsTests
{
    /// <summary>East to west: the same local time comes first in WIT, so the fake clock only moves forward.</summary>
    private static readonly (string Zone, string Desa, int Offset, long Chat)[] Zones =
    [
        ("WIT", "91.01.01.2001", 9, 9001),
        ("WITA", "73.01.01.2001", 8, 8001),
        ("WIB", "33.01.01.2001", 7, 7001),
    ];

    private const long OptedOutChat = 8002;

    [Fact]
    public async Task Hari_buka_goes_at_16_local_the_day_before_across_the_month_boundary_once_per_zone()
    {
        using var host = new TelegramTestHost { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 31, 3, 0, 0, TimeSpan.Zero)) };
        await SeedAsync(host);
        var job = host.Services.GetRequiredService<ReminderJob>();

        foreach (var (zone, _, offset, chat) in Zones)
        {
            // 15:59 local: not yet; 16:00 local on 31 January: the Posyandu opens on 1 February.
            host.Clock!.SetUtcNow(new DateTimeOffset(2026, 1, 31, 15, 59, 0, TimeSpan.FromHours(offset)));
            await job.RunAsync(ReminderKind.HariBuka, zone, CancellationToken.None);
            host.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 31, 16, 0, 0, TimeSpan.FromHours(offset)));
            await job.RunAsync(ReminderKind.HariBuka, zone, CancellationToken.None);
            await job.RunAsync(ReminderKind.HariBuka, zone, CancellationToken.None);

            var sent = await Eventually.Get(() => host.BotApi.SentTo(chat) is [var first, ..] ? first : null, $"the hari-buka reminder in {zone}");
            Assert.Contains("Besok, 1 Februari 2026, Posyandu " + zone + " buka", sent.Text, StringComparison.Ordinal);
        }

        await WaitForRunsDoneAsync(host, ReminderKind.HariBuka, 3);
        foreach (var (_, _, _, chat) in Zones)
        {
            Assert.Single(host.BotApi.SentTo(chat));
        }

        Assert.Empty(host.BotApi.SentTo(OptedOutChat));
        var runs = (await host.GetJsonAsync("/api/reminders/runs")).AsArray().Where(r => (string?)r!["kind"] == "HARI_BUKA").ToList();
        Assert.Equal(3, runs.Count);
        var wita = runs.Single(r => (string?)r!["zone"] == "WITA")!;
        Assert.Equal((2, 1, 1), ((int)wita["progress"]!["planned"]!, (int)wita["progress"]!["sent"]!, (int)wita["progress"]!["skipped"]!));
        await using var db = await DbAsync(host);
        var skipped = await db.ReminderRecipients.Where(r => r.Status == ReminderRecipientStatus.Skipped).Select(r => r.Reason).ToListAsync();
        Assert.Equal(["BERHENTI"], skipped);
    }

    [Fact]
    public async Task The_monthly_reminder_skips_kader_who_reported_in_the_local_month()
    {
        using var host = new TelegramTestHost { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 3, 0, 0, TimeSpan.Zero)) };
        await SeedAsync(host);
        // WIB reported on 3 February; WITA on 31 January 23:30 WITA (still January there, though 1 February in WIT).
        await ReportAsync(host, "33.01.01.2001", new DateTimeOffset(2026, 2, 3, 10, 0, 0, TimeSpan.FromHours(7)), "PR-2602-0001");
        await ReportAsync(host, "73.01.01.2001", new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.FromHours(8)), "PR-2601-0001");
        var job = host.Services.GetRequiredService<ReminderJob>();

        foreach (var (zone, _, offset, _) in Zones)
        {
            host.Clock!.SetUtcNow(new DateTimeOffset(2026, 2, 25, 9, 0, 30, TimeSpan.FromHours(offset)));
            await job.RunAsync(ReminderKind.Monthly, zone, CancellationToken.None);
        }

        await WaitForRunsDoneAsync(host, ReminderKind.Monthly, 3);
        var wita = await Eventually.Get(() => host.BotApi.SentTo(8001) is [var first, ..] ? first : null, "the monthly reminder in WITA");
        Assert.Contains("bulan Februari 2026", wita.Text, StringComparison.Ordinal);
        await Eventually.Get(() => host.BotApi.SentTo(9001) is [var first, ..] ? first : null, "the monthly reminder in WIT");
        Assert.Empty(host.BotApi.SentTo(7001));
        Assert.Empty(host.BotApi.SentTo(OptedOutChat));
        await using var db = await DbAsync(host);
        Assert.Contains(await db.ReminderRecipients.Select(r => r.Reason).ToListAsync(), r => r == "sudah melapor bulan ini");
    }

    [Fact]
    public async Task A_digest_due_in_the_quiet_hours_waits_for_06_00_local()
    {
        // Friday 20 November 2026, 05:30 WITA.
        using var host = new TelegramTestHost(new Dictionary<string, string?> { ["Reminders:Digest:Cron"] = "30 5 * * *" })
        {
            Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 20, 0, 0, TimeSpan.Zero)),
        };
        await RtlhJourney.ReportAsync(host, TelegramUser.Siti);
        await host.LinkAsync(TelegramUser.AbdulRahman);
        var before = host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Count;
        var job = host.Services.GetRequiredService<ReminderJob>();
        var sweep = host.Services.GetRequiredService<ReminderSweepJob>();

        host.Clock!.SetUtcNow(new DateTimeOffset(2026, 11, 20, 5, 30, 0, TimeSpan.FromHours(8)));
        await job.RunAsync(ReminderKind.Digest, "WITA", CancellationToken.None);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 5, 59, 0, TimeSpan.FromHours(8)));
        await sweep.RunAsync(false, CancellationToken.None);
        await using (var db = await DbAsync(host))
        {
            var run = await db.ReminderRuns.SingleAsync();
            Assert.Equal(ReminderRunStatus.Waiting, run.Status);
        }

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.FromHours(8)));
        await sweep.RunAsync(false, CancellationToken.None);
        await sweep.RunAsync(false, CancellationToken.None);
        var digest = await host.RepliesAfterAsync(TelegramUser.AbdulRahman, before);
        var text = Assert.Single(digest, m => m.Text.Contains("Ringkasan harian", StringComparison.Ordinal)).Text;
        Assert.Contains("Laporan terbuka untuk Bapak/Ibu (1)", text, StringComparison.Ordinal);
        await WaitForRunsDoneAsync(host, ReminderKind.Digest, 1);
        host.AssertNoErrors();
    }

    private static async Task SeedAsync(TelegramTestHost host)
    {
        await using var db = await DbAsync(host);
        var now = host.Clock!.GetUtcNow();
        foreach (var (zone, desa, _, chat) in Zones)
        {
            var posyandu = new PosyanduRecord { DesaKode = desa, Nama = "Posyandu " + zone, HariBuka = 1 };
            db.Posyandu.Add(posyandu);
            AddKader(db, "Kader " + zone, desa, posyandu, chat, optedOut: false, now);
            if (zone == "WITA")
            {
                AddKader(db, "Kader berhenti", desa, posyandu, OptedOutChat, optedOut: true, now);
            }
        }

        await db.SaveChangesAsync();
    }

    private static void AddKader(PosyanduDb db, string nama, string desa, PosyanduRecord posyandu, long chat, bool optedOut, DateTimeOffset now)
    {
        var person = new Person
        {
            Peran = "KADER", Nama = nama, Phone = "+62812" + chat.ToString(System.Globalization.CultureInfo.InvariantCulture) + "0000",
            KodeWilayah = desa, Posyandu = posyandu, RemindersOptOut = optedOut, CreatedAt = now, UpdatedAt = now,
        };
        db.People.Add(person);
        db.ChannelLinks.Add(new ChannelLink { Channel = "telegram", Address = chat.ToString(System.Globalization.CultureInfo.InvariantCulture), Person = person, LinkedAt = now });
    }

    private static async Task ReportAsync(TelegramTestHost host, string desa, DateTimeOffset at, string number)
    {
        await using var db = await DbAsync(host);
        var reporter = await db.People.SingleAsync(p => p.KodeWilayah == desa && !p.RemindersOptOut);
        db.Reports.Add(new Report
        {
            Number = number, Topic = "rtlh", Bidang = "PR", ReporterId = reporter.Id, DesaKode = desa, Channel = "telegram",
            SubmittedAt = at, AnswersJson = "{}", LinesJson = "[]", AssessmentJson = "{}", PhotosJson = "[]",
        });
        await db.SaveChangesAsync();
    }

    private static async Task WaitForRunsDoneAsync(TelegramTestHost host, ReminderKind kind, int count) =>
        await Eventually.True(() =>
        {
            using var db = host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContext();
            return db.ReminderRuns.Count(r => r.Kind == kind && r.Status == ReminderRunStatus.Done) == count
                && !db.Outbox.Any(o => o.Kind == OutboxKind.Reminder && o.Status == OutboxStatus.Pending);
        }, $"{count} reminder run(s) done and delivered");

    private static Task<PosyanduDb> DbAsync(TelegramTestHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();
}
