using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

public class OutboxTests
{
    private static readonly ChatAddress Chat = new("telegram", "5001");

    [Fact]
    public async Task A_chat_receives_its_messages_in_order_and_they_are_marked_sent()
    {
        await using var host = await TestHost.StartAsync();
        var ids = await QueueAsync(host, Chat, "satu", "dua", "tiga");

        await DeliverAsync(host, Chat);

        Assert.Equal(["satu", "dua", "tiga"], host.Telegram.Sent.Select(s => s.Reply.Text));
        Assert.All(host.Telegram.Sent, s => Assert.Equal("5001", s.Address));
        await using var db = host.Db();
        var rows = await db.Outbox.Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync();
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1, TestHost.Start, (DateTimeOffset?)null), (r.Status, r.Attempts, r.SentAt!.Value, r.LeaseUntil)));
        Assert.Equal(["m1", "m2", "m3"], rows.Select(r => r.PlatformMessageId));
    }

    [Fact]
    public async Task Retry_later_honours_the_platform_wait_and_holds_back_the_rest_of_the_chat()
    {
        await using var host = await TestHost.StartAsync();
        var ids = await QueueAsync(host, Chat, "satu", "dua");
        host.Telegram.Then(SendResult.RetryLater(TimeSpan.FromSeconds(30), "429 Too Many Requests"));

        await DeliverAsync(host, Chat);

        Assert.Empty(host.Telegram.Sent);
        Assert.Equal((Chat, TimeSpan.FromSeconds(30)), Assert.Single(host.Scheduler.Later));
        await using (var db = host.Db())
        {
            var first = await db.Outbox.SingleAsync(o => o.Id == ids[0]);
            Assert.Equal((OutboxStatus.Pending, 1, TestHost.Start.AddSeconds(30), "429 Too Many Requests"), (first.Status, first.Attempts, first.NextAttemptAt, first.LastError));
        }

        // Too early: nothing is sent, the chat is looked at again when the first is due.
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await DeliverAsync(host, Chat);
        Assert.Empty(host.Telegram.Sent);
        Assert.Equal(TimeSpan.FromSeconds(20), host.Scheduler.Later.Last().Delay);

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        await DeliverAsync(host, Chat);
        Assert.Equal(["satu", "dua"], host.Telegram.Sent.Select(s => s.Reply.Text));
    }

    [Theory]
    [InlineData(1, null, 2)]
    [InlineData(3, null, 8)]
    [InlineData(3, 60, 60)]
    [InlineData(9, null, 512)]
    [InlineData(10, null, 600)]
    [InlineData(30, null, 600)]
    [InlineData(30, 900, 900)]
    public void Backoff_doubles_up_to_ten_minutes_unless_the_platform_asks_for_longer(int attempts, int? retryAfter, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), OutboxDispatcher.RetryDelay(attempts, retryAfter is { } s ? TimeSpan.FromSeconds(s) : null));

    [Fact]
    public async Task A_sender_that_throws_is_retried_not_lost()
    {
        await using var host = await TestHost.StartAsync();
        var ids = await QueueAsync(host, Chat, "satu");
        host.Telegram.ThenThrow(new HttpRequestException("connection reset"));

        await DeliverAsync(host, Chat);

        await using var db = host.Db();
        var row = await db.Outbox.SingleAsync(o => o.Id == ids[0]);
        Assert.Equal((OutboxStatus.Pending, 1, TestHost.Start.AddSeconds(2)), (row.Status, row.Attempts, row.NextAttemptAt));
        Assert.Contains("connection reset", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_message_fails_without_blocking_the_next()
    {
        await using var host = await TestHost.StartAsync();
        var ids = await QueueAsync(host, Chat, "rusak", "baik");
        host.Telegram.Then(SendResult.Rejected("400 Bad Request: message is too long"));

        await DeliverAsync(host, Chat);

        Assert.Equal(["baik"], host.Telegram.Sent.Select(s => s.Reply.Text));
        await using var db = host.Db();
        var failed = await db.Outbox.SingleAsync(o => o.Id == ids[0]);
        Assert.Equal((OutboxStatus.Failed, "400 Bad Request: message is too long"), (failed.Status, failed.LastError));
    }

    [Fact]
    public async Task A_blocked_chat_is_marked_unreachable_and_its_alerts_wait_for_another_chat()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync("2001", "0813-5111-0001");
        var kades = await host.PersonAsync("+6281351110001");
        var chat = new ChatAddress("telegram", "2001");
        var alert = await QueueAsync(host, chat, OutboxKind.Alert, kades.Id, "peringatan");
        var reply = await QueueAsync(host, chat, OutboxKind.Reply, kades.Id, "jawaban");
        host.Telegram.Sent.Clear();
        host.Telegram.Then(SendResult.Sent("welcome")); // the welcome queued by linking
        host.Telegram.Then(SendResult.Unreachable("403 Forbidden: bot was blocked by the user"));

        await DeliverAsync(host, chat);

        await using (var db = host.Db())
        {
            Assert.True((await db.ChannelLinks.SingleAsync(l => l.Address == "2001")).Unreachable);
            var waiting = await db.Outbox.SingleAsync(o => o.Id == alert);
            Assert.Equal((OutboxStatus.WaitingForChat, (string?)null), (waiting.Status, waiting.Channel));
            Assert.Equal(OutboxStatus.Unreachable, (await db.Outbox.SingleAsync(o => o.Id == reply)).Status);
        }

        // He links another chat: the alert goes there, the old chat is not used for new messages.
        await host.LinkAsync("+6281351110001", "+6281351110001", channel: "simulator");
        Assert.Contains(await host.OutboxAsync("+6281351110001", "simulator"), o => o.Id == alert && o.Status == "Pending");
    }

    [Fact]
    public async Task Pending_alerts_of_a_blocked_chat_move_to_the_other_reachable_chat()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync("+6281351110001", "+6281351110001", channel: "simulator");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.LinkAsync("2001", "0813-5111-0001");
        var kades = await host.PersonAsync("+6281351110001");
        var chat = new ChatAddress("telegram", "2001");
        var alert = await QueueAsync(host, chat, OutboxKind.Alert, kades.Id, "peringatan");
        host.Scheduler.Clear();

        await host.Get<ChannelLinks>().MarkUnreachableAsync("telegram", "2001", CancellationToken.None);

        await using var db = host.Db();
        var moved = await db.Outbox.SingleAsync(o => o.Id == alert);
        Assert.Equal((OutboxStatus.Pending, "simulator", "+6281351110001"), (moved.Status, moved.Channel, moved.Address));
        Assert.Contains(new ChatAddress("simulator", "+6281351110001"), host.Scheduler.Soon);

        // Writing again from the blocked chat makes it reachable again.
        await host.SayAsync("2001", "menu");
        Assert.False((await db.ChannelLinks.AsNoTracking().SingleAsync(l => l.Address == "2001")).Unreachable);
    }

    [Fact]
    public async Task A_leased_message_is_never_sent_by_a_second_worker()
    {
        await using var host = await TestHost.StartAsync();
        await QueueAsync(host, Chat, "satu", "dua");
        var inFlight = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        host.Telegram.Gate = async () =>
        {
            inFlight.TrySetResult();
            await release.Task;
        };

        var first = DeliverAsync(host, Chat);
        await inFlight.Task;
        host.Telegram.Gate = null;
        await DeliverAsync(host, Chat); // a second worker for the same chat while "satu" is being sent
        Assert.Single(host.Telegram.Attempts);

        release.SetResult();
        await first;
        Assert.Equal(["satu", "dua"], host.Telegram.Sent.Select(s => s.Reply.Text));
        Assert.Equal(2, host.Telegram.Attempts.Count);
    }

    [Fact]
    public async Task A_lease_of_this_process_that_outlives_its_send_is_taken_over_only_when_it_runs_out()
    {
        await using var host = await TestHost.StartAsync();
        var ids = await QueueAsync(host, Chat, "satu");
        var me = host.Get<OutboxInstance>().Id;
        await using (var db = host.Db())
        {
            await db.Outbox.Where(o => o.Id == ids[0]).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.LeaseUntil, TestHost.Start.AddMinutes(2))
                .SetProperty(o => o.LeaseOwner, me));
        }

        await DeliverAsync(host, Chat);
        Assert.Empty(host.Telegram.Attempts);
        Assert.Equal(0, await host.Get<OutboxSweeper>().SweepAsync(CancellationToken.None));

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await host.Get<OutboxSweeper>().SweepAsync(CancellationToken.None));
        await DeliverAsync(host, Chat);
        Assert.Equal(["satu"], host.Telegram.Sent.Select(s => s.Reply.Text));
    }

    [Fact]
    public async Task A_restart_frees_the_lease_of_the_process_that_died_mid_send_and_the_chat_drains_in_order_at_once()
    {
        // SQLite's rule (one process per file) is under test: PostgreSQL's has its own test.
        await using var dead = await TestHost.StartAsync(sqliteOnly: true);
        await QueueAsync(dead, Chat, "satu", "dua", "tiga");
        var inFlight = new TaskCompletionSource();
        var never = new TaskCompletionSource();
        dead.Telegram.Gate = async () =>
        {
            inFlight.TrySetResult();
            await never.Task;
        };
        var stuck = DeliverAsync(dead, Chat);
        await inFlight.Task;

        // The next process on the same file: its start-up sweep frees the lease before it runs out and re-enqueues the chat.
        await using var restarted = await TestHost.StartAsync(demoRoster: false, database: new DatabaseOptions
        {
            Provider = DatabaseOptions.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(dead.Folder, "db", "posyandu.db")}",
        });
        Assert.NotEqual(dead.Get<OutboxInstance>().Id, restarted.Get<OutboxInstance>().Id);
        Assert.Equal(1, await restarted.Get<OutboxSweeper>().SweepAsync(CancellationToken.None));
        Assert.Equal([Chat], restarted.Scheduler.Soon);
        await DeliverAsync(restarted, Chat);

        Assert.Equal(["satu", "dua", "tiga"], restarted.Telegram.Sent.Select(s => s.Reply.Text));
        Assert.Contains(restarted.Logs.Entries, e => e.Message.Contains("1 message(s) held by a host process that is gone were freed", StringComparison.Ordinal));
        await using (var db = restarted.Db())
        {
            var rows = await db.Outbox.OrderBy(o => o.Id).ToListAsync();
            Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, (DateTimeOffset?)null, restarted.Get<OutboxInstance>().Id), (r.Status, r.LeaseUntil, r.LeaseOwner)));
        }

        never.SetResult(); // (the dead process's send never returns in reality; here it is let go so the test ends cleanly)
        await stuck;
    }

    [Fact]
    public async Task The_sweep_leaves_the_lease_of_a_send_this_process_has_in_flight()
    {
        await using var host = await TestHost.StartAsync();
        await QueueAsync(host, Chat, "satu", "dua");
        var inFlight = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        host.Telegram.Gate = async () =>
        {
            inFlight.TrySetResult();
            await release.Task;
        };
        var first = DeliverAsync(host, Chat);
        await inFlight.Task;

        await host.Get<OutboxSweeper>().SweepAsync(CancellationToken.None);
        await DeliverAsync(host, Chat); // what the sweep enqueued: it finds the head still leased and leaves the chat
        Assert.Single(host.Telegram.Attempts);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("were freed", StringComparison.Ordinal));
        await using (var db = host.Db())
        {
            var head = await db.Outbox.OrderBy(o => o.Id).FirstAsync();
            Assert.Equal((TestHost.Start + OutboxDispatcher.Lease, host.Get<OutboxInstance>().Id), (head.LeaseUntil!.Value, head.LeaseOwner!.Value));
        }

        host.Telegram.Gate = null;
        release.SetResult();
        await first;
        Assert.Equal(["satu", "dua"], host.Telegram.Sent.Select(s => s.Reply.Text));
        Assert.Equal(2, host.Telegram.Attempts.Count);
    }

    [Fact]
    public async Task The_sweep_enqueues_every_chat_with_due_messages_once()
    {
        await using var host = await TestHost.StartAsync();
        await QueueAsync(host, Chat, "satu", "dua");
        var other = new ChatAddress("simulator", "+6281251234501");
        await QueueAsync(host, other, "tiga");
        var later = new ChatAddress("telegram", "5002");
        var laterIds = await QueueAsync(host, later, "nanti");
        await using (var db = host.Db())
        {
            await db.Outbox.Where(o => o.Id == laterIds[0]).ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, TestHost.Start.AddMinutes(5)));
        }

        host.Scheduler.Clear();
        Assert.Equal(2, await host.Get<OutboxSweeper>().SweepAsync(CancellationToken.None));
        Assert.Equal([other, Chat], host.Scheduler.Soon.OrderBy(c => c.Channel, StringComparer.Ordinal));

        // A restart: nothing in memory, the database still knows; the retried one is swept once due.
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await DeliverAsync(host, Chat);
        await DeliverAsync(host, other);
        host.Scheduler.Clear();
        Assert.Equal(1, await host.Get<OutboxSweeper>().SweepAsync(CancellationToken.None));
        Assert.Equal([later], host.Scheduler.Soon);
    }

    [Fact]
    public async Task A_channel_without_a_sender_keeps_its_messages_pending_with_the_reason_and_the_sweep_leaves_them()
    {
        await using var host = await TestHost.StartAsync();
        var whatsapp = new ChatAddress("whatsapp", "whatsapp:+6281251234501");
        var ids = await QueueAsync(host, whatsapp, "halo", "apa kabar");

        await DeliverAsync(host, whatsapp);

        await using (var db = host.Db())
        {
            var rows = await db.Outbox.Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync();
            Assert.All(rows, r => Assert.Equal((OutboxStatus.Pending, 0), (r.Status, r.Attempts)));
            Assert.Contains("Kanal whatsapp tidak aktif", rows[0].LastError, StringComparison.Ordinal);
        }

        // Nothing to loop on: the sweep only enqueues chats of channels this process can send on.
        host.Scheduler.Clear();
        Assert.Equal(0, await host.Get<OutboxSweeper>().SweepAsync(CancellationToken.None));
        Assert.Empty(host.Scheduler.Soon);
    }

    [Fact]
    public async Task A_refused_token_keeps_the_backlog_pending_and_uncounted_until_the_channel_works_again()
    {
        await using var host = await TestHost.StartAsync();
        var ids = await QueueAsync(host, Chat, "satu", "dua");
        host.Telegram.Then(SendResult.ChannelDown("401: Unauthorized"));

        await DeliverAsync(host, Chat);

        Assert.Empty(host.Telegram.Sent);
        await using (var db = host.Db())
        {
            var rows = await db.Outbox.Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync();
            Assert.All(rows, r => Assert.Equal((OutboxStatus.Pending, 0), (r.Status, r.Attempts)));
            Assert.Equal("401: Unauthorized", rows[0].LastError);
        }

        // The token fixed (here: the platform answers again): the minute's sweep finds the chat and both go out, in order.
        Assert.Equal(1, await host.Get<OutboxSweeper>().SweepAsync(CancellationToken.None));
        await DeliverAsync(host, Chat);
        Assert.Equal(["satu", "dua"], host.Telegram.Sent.Select(s => s.Reply.Text));
    }

    [Fact]
    public async Task Outbox_queries_show_what_each_chat_was_sent()
    {
        await using var host = await TestHost.StartAsync();
        await host.LinkAsync("1001", "0812-5123-4501");
        var ids = await QueueAsync(host, Chat, "satu", "dua", "tiga");
        var queries = host.Get<OutboxQueries>();

        var forChat = await queries.ForAddressAsync("telegram", "5001", ids[0], CancellationToken.None);
        Assert.Equal(["dua", "tiga"], forChat.Select(o => o.Reply.Text));

        var recent = await queries.RecentAsync(0, 2, CancellationToken.None);
        Assert.Equal(["dua", "tiga"], recent.Select(o => o.Reply.Text));
        var all = await queries.RecentAsync(0, 100, CancellationToken.None);
        Assert.Equal(4, all.Count);
        Assert.Equal(("Siti Rahmah", "KADER", "telegram", "1001", "Pending"), (all[0].PersonName, all[0].Peran, all[0].Channel, all[0].Address, all[0].Status));
        Assert.Equal(["tiga"], (await queries.RecentAsync(ids[1], 100, CancellationToken.None)).Select(o => o.Reply.Text));
    }

    private static Task DeliverAsync(TestHost host, ChatAddress chat) =>
        host.Get<OutboxDispatcher>().DeliverAsync(chat.Channel, chat.Address, CancellationToken.None);

    private static async Task<List<long>> QueueAsync(TestHost host, ChatAddress chat, params string[] texts)
    {
        var ids = new List<long>();
        foreach (var text in texts)
        {
            ids.Add(await QueueAsync(host, chat, OutboxKind.Reply, null, text));
        }

        return ids;
    }

    private static async Task<long> QueueAsync(TestHost host, ChatAddress chat, OutboxKind kind, long? personId, string text)
    {
        await using var db = host.Db();
        var writer = new OutboxWriter(db, host.Clock.GetUtcNow());
        writer.ToChat(chat, personId, kind, new Reply(text, [new Button("Ya", "c:x:1")]));
        await db.SaveChangesAsync();
        return await db.Outbox.MaxAsync(o => o.Id);
    }
}
