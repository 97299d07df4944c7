using System.Collections.Concurrent;
using System.Diagnostics;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// Keeps every channel's messages within its <see cref="ChannelPace"/>: a send waits for its chat's turn, then for the
/// channel's. Turns are at least 1/limit of a second apart on the real clock (pacing is physical, not business time), so
/// no second of sending ever holds more than the limit, however late a waiting task wakes.
/// </summary>
public sealed class OutboxPacer : IDisposable
{
    /// <summary>Chats not written to for this long lose their gate, so a district-wide run leaves no lasting state.</summary>
    private static readonly TimeSpan IdleChat = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, ChannelGates> _channels;

    public OutboxPacer(IEnumerable<ChannelPace> paces)
    {
        ArgumentNullException.ThrowIfNull(paces);
        _channels = paces
            .GroupBy(p => p.Channel, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new ChannelGates(g.Last()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Waits until a message to <paramref name="address"/> on <paramref name="channel"/> may leave.</summary>
    public async Task WaitAsync(string channel, string address, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(channel, out var gates))
        {
            return;
        }

        // The chat's turn is held until the channel's turn came, so the chat's spacing counts from when the message leaves.
        var chat = gates.PerChat is { } interval ? gates.Chats.GetOrAdd(address, _ => new PaceGate(interval)) : null;
        if (chat is not null)
        {
            await chat.EnterAsync(cancellationToken);
        }

        try
        {
            if (gates.Channel is { } all)
            {
                await all.EnterAsync(cancellationToken);
                all.Leave();
            }
        }
        finally
        {
            chat?.Leave();
        }

        gates.PruneIdle();
    }

    public void Dispose()
    {
        foreach (var gates in _channels.Values)
        {
            gates.Channel?.Dispose();
            foreach (var gate in gates.Chats.Values)
            {
                gate.Dispose();
            }
        }
    }

    private static TimeSpan? Interval(int perSecond) => perSecond > 0 ? TimeSpan.FromTicks(TimeSpan.TicksPerSecond / perSecond) : null;

    /// <summary>A channel's gate and its chats' gates.</summary>
    private sealed class ChannelGates(ChannelPace pace)
    {
        private long _lastPrune = Stopwatch.GetTimestamp();

        public PaceGate? Channel { get; } = Interval(pace.PerSecond) is { } interval ? new PaceGate(interval) : null;
        public TimeSpan? PerChat { get; } = Interval(pace.PerChatPerSecond);
        public ConcurrentDictionary<string, PaceGate> Chats { get; } = new(StringComparer.Ordinal);

        public void PruneIdle()
        {
            var last = Interlocked.Read(ref _lastPrune);
            if (Stopwatch.GetElapsedTime(last) < IdleChat || Interlocked.CompareExchange(ref _lastPrune, Stopwatch.GetTimestamp(), last) != last)
            {
                return;
            }

            foreach (var (address, gate) in Chats)
            {
                // A gate idle this long has nobody waiting at it; a chat that writes again gets a fresh one.
                if (gate.IdleFor > IdleChat && Chats.TryRemove(new KeyValuePair<string, PaceGate>(address, gate)))
                {
                    gate.Dispose();
                }
            }
        }
    }

    /// <summary>One turn at a time, each at least <c>interval</c> after the previous one; waiters go in arrival order.</summary>
    private sealed class PaceGate(TimeSpan interval) : IDisposable
    {
        private readonly SemaphoreSlim _turn = new(1, 1);
        private long _last = Stopwatch.GetTimestamp() - interval.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;

        public TimeSpan IdleFor => Stopwatch.GetElapsedTime(Interlocked.Read(ref _last));

        /// <summary>Takes the turn once <c>interval</c> passed since the last one left; <see cref="Leave"/> must follow.</summary>
        public async Task EnterAsync(CancellationToken cancellationToken)
        {
            await _turn.WaitAsync(cancellationToken);
            var wait = interval - Stopwatch.GetElapsedTime(Interlocked.Read(ref _last));
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    _turn.Release();
                    throw;
                }
            }
        }

        /// <summary>The message leaves now: the next turn is one interval from here.</summary>
        public void Leave()
        {
            Interlocked.Exchange(ref _last, Stopwatch.GetTimestamp());
            _turn.Release();
        }

        public void Dispose() => _turn.Dispose();
    }
}
