using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests.Postgres;

/// <summary>
/// Several host instances on one PostgreSQL database: a lease is kept while its instance lives (its advisory lock is held)
/// and freed by the next sweep of any instance once that instance's connection is gone.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public class PostgresOutboxLeaseTests(PostgresServer server)
{
    private static readonly ChatAddress Alive = new("telegram", "5001");
    private static readonly ChatAddress Dead = new("telegram", "5002");

    [PostgresFact]
    public async Task The_sweep_frees_the_leases_of_an_instance_whose_lock_is_gone_and_keeps_those_of_a_live_one()
    {
        var database = new DatabaseOptions { Provider = DatabaseOptions.Postgres, ConnectionString = await server.CreateDatabaseAsync() };
        await using var sweeping = await TestHost.StartAsync(demoRoster: false, database: database);
        var live = await TestHost.StartAsync(demoRoster: false, database: database);
        var dying = await TestHost.StartAsync(demoRoster: false, database: database);
        try
        {
            var ids = new HashSet<int> { sweeping.Get<OutboxInstance>().Id, live.Get<OutboxInstance>().Id, dying.Get<OutboxInstance>().Id };
            Assert.Equal(3, ids.Count);
            await LeaseHeadAsync(live, Alive, "satu", "dua");
            await LeaseHeadAsync(dying, Dead, "tiga", "empat");

            await sweeping.Get<OutboxSweeper>().SweepAsync(CancellationToken.None);
            Assert.Equal(2, await LeasedAsync(sweeping));
            await sweeping.Get<OutboxDispatcher>().DeliverAsync(Dead.Channel, Dead.Address, CancellationToken.None);
            Assert.Empty(sweeping.Telegram.Attempts);

            // The process dies: its lock's connection closes and the server drops the lock with it (its backend ends a
            // moment after the client has gone, hence the wait).
            var dyingId = dying.Get<OutboxInstance>().Id;
            await dying.DisposeAsync();
            await WaitUntilLockGoneAsync(sweeping, dyingId);
            sweeping.Scheduler.Clear();
            await sweeping.Get<OutboxSweeper>().SweepAsync(CancellationToken.None);
            Assert.Contains(Dead, sweeping.Scheduler.Soon);
            Assert.Equal(1, await LeasedAsync(sweeping));

            await sweeping.Get<OutboxDispatcher>().DeliverAsync(Dead.Channel, Dead.Address, CancellationToken.None);
            Assert.Equal(["tiga", "empat"], sweeping.Telegram.Sent.Select(s => s.Reply.Text));
            await sweeping.Get<OutboxDispatcher>().DeliverAsync(Alive.Channel, Alive.Address, CancellationToken.None);
            Assert.Equal(["tiga", "empat"], sweeping.Telegram.Sent.Select(s => s.Reply.Text));
            Assert.Equal(1, await LeasedAsync(sweeping));
        }
        finally
        {
            await live.DisposeAsync();
            await dying.DisposeAsync();
        }
    }

    /// <summary>Queues the texts for the chat, and <paramref name="host"/> takes the first one as its dispatcher would.</summary>
    private static async Task LeaseHeadAsync(TestHost host, ChatAddress chat, params string[] texts)
    {
        var instance = host.Get<OutboxInstance>();
        await instance.HoldAsync(CancellationToken.None);
        await using var db = host.Db();
        var writer = new OutboxWriter(db, host.Clock.GetUtcNow());
        foreach (var text in texts)
        {
            writer.ToChat(chat, null, OutboxKind.Reply, new Reply(text, []));
        }

        await db.SaveChangesAsync();
        var head = await db.Outbox.Where(o => o.Channel == chat.Channel && o.Address == chat.Address).MinAsync(o => o.Id);
        await db.Outbox.Where(o => o.Id == head).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.LeaseUntil, host.Clock.GetUtcNow() + OutboxDispatcher.Lease)
            .SetProperty(o => o.LeaseOwner, instance.Id));
    }

    private static async Task WaitUntilLockGoneAsync(TestHost host, int instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = host.Db();
            var held = await db.Database.SqlQuery<int>(
                    $"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = {PostgresOutboxInstance.LockSpace}::oid AND objid = {instanceId}::oid")
                .SingleAsync();
            if (held == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The dead instance's lock is still held after 30 s");
            await Task.Delay(20);
        }
    }

    private static async Task<int> LeasedAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Outbox.CountAsync(o => o.LeaseUntil != null);
    }
}
