using Posyandu.Referrals.Intake;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Tests;

public class ChatLocksTests
{
    private static readonly ChatAddress A = new("telegram", "1");
    private static readonly ChatAddress B = new("telegram", "2");

    [Fact]
    public async Task One_chat_waits_for_its_previous_message_other_chats_do_not()
    {
        var locks = new ChatLocks();
        var first = await locks.AcquireAsync(A, CancellationToken.None);

        var second = locks.AcquireAsync(A, CancellationToken.None);
        var other = locks.AcquireAsync(B, CancellationToken.None);
        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second).Dispose();
        (await other).Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task Waiters_enter_in_arrival_order()
    {
        var locks = new ChatLocks();
        var order = new List<int>();
        var held = await locks.AcquireAsync(A, CancellationToken.None);
        var waiters = Enumerable.Range(1, 5).Select(async n =>
        {
            using (await locks.AcquireAsync(A, CancellationToken.None))
            {
                order.Add(n);
            }
        }).ToList();

        held.Dispose();
        await Task.WhenAll(waiters);
        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_no_lock_behind()
    {
        var locks = new ChatLocks();
        var held = await locks.AcquireAsync(A, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync(A, cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose(); // twice is harmless
        Assert.Equal(0, locks.Count);
    }
}
