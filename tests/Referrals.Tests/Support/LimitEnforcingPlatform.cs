using System.Collections.Concurrent;
using System.Diagnostics;
using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Tests.Support;

/// <summary>
/// A messaging platform that enforces its sending limits as Telegram does: at most <c>perSecond</c> messages in any second
/// for the bot and <c>perChatPerSecond</c> per chat (0 = no limit), counted on the real clock when each request arrives. A
/// message over a limit is refused with 429 and a retry-after, as the platform answers, and counted in
/// <see cref="TooManyRequests"/>. Shared by the reminder-run test and the broadcast benchmark (bench/BroadcastPacing).
/// </summary>
public sealed class LimitEnforcingPlatform : IChannelSender
{
    /// <summary>
    /// The platform sees a request when it arrives, a moment after the pacer let it go (the row's claim in the database in
    /// between, longer on a busy machine); a window this much shorter than a second keeps that moment from reading as a
    /// burst. A sender without pacing still breaks the limit many times over.
    /// </summary>
    public static readonly TimeSpan ArrivalAllowance = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly int _perSecond;
    private readonly int _perChat;
    private readonly long _window;
    private readonly Queue<long> _recent = new();
    private readonly Dictionary<string, Queue<long>> _chats = new(StringComparer.Ordinal);
    private long _first;
    private long _last;
    private int _sent;
    private int _tooMany;

    public LimitEnforcingPlatform(string channel, int perSecond, int perChatPerSecond)
    {
        Channel = channel;
        _perSecond = perSecond;
        _perChat = perChatPerSecond;
        _window = (TimeSpan.FromSeconds(1) - ArrivalAllowance).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
    }

    public string Channel { get; }

    /// <summary>Messages accepted, per chat.</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

    public int Sent => Volatile.Read(ref _sent);

    /// <summary>How many requests were answered 429: the limits were broken that many times.</summary>
    public int TooManyRequests => Volatile.Read(ref _tooMany);

    /// <summary>From the first accepted message to the last.</summary>
    public TimeSpan Span
    {
        get
        {
            lock (_lock)
            {
                return _sent < 2 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_first, _last);
            }
        }
    }

    public Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            Forget(_recent, now);
            var chat = _chats.TryGetValue(address, out var known) ? known : _chats[address] = new Queue<long>();
            Forget(chat, now);
            if ((_perSecond > 0 && _recent.Count >= _perSecond) || (_perChat > 0 && chat.Count >= _perChat))
            {
                _tooMany++;
                return Task.FromResult(SendResult.RetryLater(TimeSpan.FromSeconds(1), "429 Too Many Requests: retry after 1", 429));
            }

            _recent.Enqueue(now);
            chat.Enqueue(now);
            if (_sent++ == 0)
            {
                _first = now;
            }

            _last = now;
        }

        var count = Delivered.AddOrUpdate(address, 1, (_, n) => n + 1);
        return Task.FromResult(SendResult.Sent($"{address}-{count}"));
    }

    private void Forget(Queue<long> sent, long now)
    {
        while (sent.Count > 0 && now - sent.Peek() >= _window)
        {
            sent.Dequeue();
        }
    }
}
