using System.Collections.Concurrent;
using System.Diagnostics;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Tests;

/// <summary>
/// The pacer keeps a burst within the channel's limits, as a platform that enforces them would count: no one-second window
/// holds more than the limit in total or per chat. (A slow machine only sends slower, so this cannot fail by load.)
/// </summary>
public sealed class OutboxPacerTests
{
    [Fact]
    public async Task A_burst_to_many_chats_stays_within_the_channel_and_chat_limits()
    {
        const int perSecond = 40;
        const int perChat = 2;
        using var pacer = new OutboxPacer([new ChannelPace("telegram", perSecond, perChat)]);
        var clock = Stopwatch.StartNew();
        var sent = new ConcurrentBag<(string Chat, TimeSpan At)>();

        // 20 chats, 5 messages each, all asking at once; each chat in order, as the dispatcher sends them.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await pacer.WaitAsync("telegram", $"chat-{c}", CancellationToken.None);
                sent.Add(($"chat-{c}", clock.Elapsed));
            }
        })));

        var all = sent.Select(s => s.At).Order().ToList();
        Assert.Equal(100, all.Count);
        Assert.True(MaxInOneSecond(all) <= perSecond, $"at most {perSecond} a second in total, was {MaxInOneSecond(all)}");
        foreach (var chat in sent.GroupBy(s => s.Chat))
        {
            Assert.True(MaxInOneSecond([.. chat.Select(s => s.At).Order()]) <= perChat, $"at most {perChat} a second to {chat.Key}");
        }
    }

    [Fact]
    public async Task A_channel_without_limits_does_not_wait()
    {
        using var pacer = new OutboxPacer([new ChannelPace("telegram", 0, 0)]);
        using var never = new CancellationTokenSource();
        await never.CancelAsync();

        // An already-cancelled wait throws only if it had to wait: unlimited and unknown channels let every message go.
        for (var i = 0; i < 1000; i++)
        {
            await pacer.WaitAsync("telegram", "chat", never.Token);
            await pacer.WaitAsync("simulator", "chat", never.Token);
        }

        using var limited = new OutboxPacer([new ChannelPace("telegram", 1, 0)]);
        await limited.WaitAsync("telegram", "chat", CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limited.WaitAsync("telegram", "chat", never.Token));
    }

    /// <summary>The most sends in any window of a second, less a little for the moment between a turn and its record here.</summary>
    private static int MaxInOneSecond(List<TimeSpan> times)
    {
        var window = TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(100);
        var max = 0;
        for (int start = 0, end = 0; start < times.Count; start++)
        {
            while (end < times.Count && times[end] - times[start] < window)
            {
                end++;
            }

            max = Math.Max(max, end - start);
        }

        return max;
    }
}
