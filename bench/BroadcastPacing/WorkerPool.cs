using System.Threading.Channels;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bench.BroadcastPacing;

/// <summary>
/// The worker pool the host's Hangfire would be: a delivery asked for is queued and run by one of <c>workers</c> tasks
/// through the real dispatcher, several chats at a time, while the run is still writing. A retry asked for is counted
/// (with an enforcing platform that only happens after a 429).
/// </summary>
internal sealed class WorkerPool : IOutboxScheduler, IDeadlineScheduler
{
    private readonly Channel<ChatAddress> _queue = Channel.CreateUnbounded<ChatAddress>();
    private int _later;

    public int Later => Volatile.Read(ref _later);

    public void DeliverSoon(string channel, string address) => _queue.Writer.TryWrite(new ChatAddress(channel, address));

    public void DeliverLater(string channel, string address, TimeSpan delay) => Interlocked.Increment(ref _later);

    public void ScheduleAt(long referralId, DateTimeOffset dueAt)
    {
    }

    /// <summary>Runs <paramref name="workers"/> workers until <see cref="Complete"/> and the queue is empty.</summary>
    public Task RunAsync(Func<OutboxDispatcher> dispatcher, int workers, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var chat in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                await dispatcher().DeliverAsync(chat.Channel, chat.Address, cancellationToken);
            }
        }, cancellationToken)));

    /// <summary>No more deliveries will be asked for.</summary>
    public void Complete() => _queue.Writer.TryComplete();
}
