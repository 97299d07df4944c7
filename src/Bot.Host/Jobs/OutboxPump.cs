using System.Threading.Channels;
using Hangfire;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// Hands a chat's outbox to this process's workers without a Hangfire job per message: a chat asked for is queued once
/// (asked again while it is being delivered, it is delivered once more right after, so nothing written meanwhile waits),
/// and <see cref="Workers"/> workers deliver different chats in parallel. A process that dies with chats queued loses
/// nothing: the messages are rows in the outbox, and the sweep at start and every minute asks for them again. A later try
/// (the platform's retry_after, a backoff) is a Hangfire delayed job, which the storage keeps.
/// </summary>
/// <remarks>The dispatcher is resolved when the workers start: it asks this scheduler for later tries itself.</remarks>
internal sealed class OutboxPump(IServiceProvider services, IBackgroundJobClient jobs, ILogger<OutboxPump> logger) : BackgroundService, IOutboxScheduler
{
    /// <summary>Chats delivered at once: sending is waiting on the platform, so more workers than cores.</summary>
    internal const int Workers = 16;

    private readonly Channel<ChatAddress> _queue = Channel.CreateUnbounded<ChatAddress>();
    private readonly Dictionary<ChatAddress, ChatState> _chats = [];

    public void DeliverSoon(string channel, string address)
    {
        var chat = new ChatAddress(channel, address);
        lock (_chats)
        {
            if (!_chats.TryGetValue(chat, out var state))
            {
                _chats[chat] = ChatState.Queued;
                _queue.Writer.TryWrite(chat);
            }
            else if (state == ChatState.Delivering)
            {
                _chats[chat] = ChatState.DeliverAgain;
            }
        }
    }

    public void DeliverLater(string channel, string address, TimeSpan delay) =>
        jobs.Schedule<OutboxDeliveryJob>(job => job.RunAsync(channel, address, CancellationToken.None), delay);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        return Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(dispatcher, stoppingToken)));
    }

    private async Task WorkAsync(OutboxDispatcher dispatcher, CancellationToken stoppingToken)
    {
        await foreach (var chat in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            lock (_chats)
            {
                _chats[chat] = ChatState.Delivering;
            }

            try
            {
                await dispatcher.DeliverAsync(chat.Channel, chat.Address, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // Shutting down: the dispatcher gave the message back; the next start's sweep sends it.
            }
#pragma warning disable CA1031 // A worker must outlive one chat's failure; the sweep tries that chat again within a minute.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Outbox delivery to {Channel} {Address} failed; the sweep tries again", chat.Channel, LogMask.Address(chat.Address));
            }

            lock (_chats)
            {
                if (_chats[chat] == ChatState.DeliverAgain)
                {
                    _chats[chat] = ChatState.Queued;
                    _queue.Writer.TryWrite(chat);
                }
                else
                {
                    _chats.Remove(chat);
                }
            }
        }
    }

    private enum ChatState
    {
        Queued,
        Delivering,
        DeliverAgain,
    }
}
