using System.Collections.Concurrent;
using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Tests.Support;

/// <summary>A channel that records what it was asked to send and answers with scripted results (Sent by default).</summary>
public sealed class FakeSender(string channel) : IChannelSender
{
    private readonly ConcurrentQueue<Func<SendResult>> _script = new();
    private int _counter;

    public string Channel { get; } = channel;

    public ConcurrentQueue<(string Address, Reply Reply)> Sent { get; } = new();

    /// <summary>Attempts of any result, in order.</summary>
    public ConcurrentQueue<(string Address, Reply Reply)> Attempts { get; } = new();

    /// <summary>Awaited inside every send when set (to hold a send in flight).</summary>
    public Func<Task>? Gate { get; set; }

    public void Then(SendResult result) => _script.Enqueue(() => result);

    public void ThenThrow(Exception exception) => _script.Enqueue(() => throw exception);

    public async Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        Attempts.Enqueue((address, reply));
        if (Gate is { } gate)
        {
            await gate();
        }

        var result = _script.TryDequeue(out var next) ? next() : SendResult.Sent($"m{Interlocked.Increment(ref _counter)}");
        if (result.Status == SendStatus.Sent)
        {
            Sent.Enqueue((address, reply));
        }

        return result;
    }
}
