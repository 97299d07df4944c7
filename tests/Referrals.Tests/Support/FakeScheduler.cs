using System.Collections.Concurrent;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Tests.Support;

/// <summary>Records what the code asked the worker pool to deliver, instead of running jobs.</summary>
public sealed class FakeScheduler : IOutboxScheduler
{
    public ConcurrentQueue<ChatAddress> Soon { get; } = new();
    public ConcurrentQueue<(ChatAddress Chat, TimeSpan Delay)> Later { get; } = new();

    public void DeliverSoon(string channel, string address) => Soon.Enqueue(new ChatAddress(channel, address));

    public void DeliverLater(string channel, string address, TimeSpan delay) => Later.Enqueue((new ChatAddress(channel, address), delay));

    public void Clear()
    {
        Soon.Clear();
        Later.Clear();
    }
}
