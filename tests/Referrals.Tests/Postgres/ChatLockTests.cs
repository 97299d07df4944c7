using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests.Postgres;

/// <summary>The per-chat lock that orders one chat's messages across every instance sharing a PostgreSQL database.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public class ChatLockTests(PostgresServer server)
{
    private static readonly ChatAddress Siti = new("telegram", "1001");
    private static readonly ChatAddress Abdul = new("telegram", "2001");

    [PostgresFact]
    public async Task A_chat_held_by_one_transaction_waits_in_another_until_it_ends_and_other_chats_go_on()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false,
            new DatabaseOptions { Provider = DatabaseOptions.Postgres, ConnectionString = await server.CreateDatabaseAsync() });

        await using var first = host.Db();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        await first.LockChatAsync(Siti, CancellationToken.None);

        // What a second instance does with the next message of the same chat: it waits at the lock.
        await using var second = host.Db();
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        var waiting = second.LockChatAsync(Siti, CancellationToken.None);
        await WaitForAsync(async () => await UngrantedAdvisoryLocksAsync(host) == 1);
        Assert.False(waiting.IsCompleted);

        // Another chat is not held back.
        await using var third = host.Db();
        await using var thirdTransaction = await third.Database.BeginTransactionAsync();
        await third.LockChatAsync(Abdul, CancellationToken.None);
        await thirdTransaction.CommitAsync();

        await firstTransaction.CommitAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await UngrantedAdvisoryLocksAsync(host));

        // Scoped to the transaction: once it ends, the chat is free again without any unlock.
        await secondTransaction.RollbackAsync();
        await using var fourth = host.Db();
        await using var fourthTransaction = await fourth.Database.BeginTransactionAsync();
        await fourth.LockChatAsync(Siti, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_chat_key_is_stable_and_tells_chats_apart()
    {
        Assert.Equal(ChatLockKey.Of(Siti), ChatLockKey.Of(new ChatAddress("TELEGRAM", "1001")));
        Assert.NotEqual(ChatLockKey.Of(Siti), ChatLockKey.Of(Abdul));
        Assert.NotEqual(ChatLockKey.Of(Siti), ChatLockKey.Of(new ChatAddress("whatsapp", "1001")));
        // The same on every instance and every run: a fixed value (SHA-256 of "TELEGRAM\n1001"), not a per-process hash.
        Assert.Equal(4160186828100392449L, ChatLockKey.Of(Siti));
    }

    private static async Task<int> UngrantedAdvisoryLocksAsync(TestHost host)
    {
        await using var db = host.Db();
        return await db.Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            .SingleAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the second transaction to wait at the chat lock");
            await Task.Delay(20);
        }
    }
}
