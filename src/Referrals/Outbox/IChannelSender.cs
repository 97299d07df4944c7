using Posyandu.Conversation;

namespace Posyandu.Referrals.Outbox;

/// <summary>Sends one outbox message on one channel (Telegram, simulator, …); implemented by the host's channel adapters.</summary>
public interface IChannelSender
{
    /// <summary>The channel name this sender serves (<c>telegram</c>, <c>simulator</c>).</summary>
    string Channel { get; }

    /// <summary>Sends <paramref name="reply"/> to <paramref name="address"/>. Must not throw for platform errors: it maps them to a result.</summary>
    Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken);
}

/// <summary>What happened to one send attempt.</summary>
public sealed record SendResult(SendStatus Status, string? PlatformMessageId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static SendResult Sent(string? platformMessageId) => new(SendStatus.Sent, platformMessageId);
    public static SendResult RetryLater(TimeSpan? after, string error) => new(SendStatus.RetryLater, RetryAfter: after, Error: error);
    public static SendResult Unreachable(string error) => new(SendStatus.Unreachable, Error: error);
    public static SendResult Rejected(string error) => new(SendStatus.Rejected, Error: error);
    public static SendResult ChannelDown(string error) => new(SendStatus.ChannelDown, Error: error);
}

/// <summary>
/// <see cref="RetryLater"/>: 429, 5xx, network (try again, honouring RetryAfter); <see cref="Unreachable"/>: the person blocked
/// the bot (403), stop sending there; <see cref="Rejected"/>: a 4xx that will never succeed (kept, not retried);
/// <see cref="ChannelDown"/>: our side of the channel cannot send (the platform refused our token): nothing is wrong with
/// the message, so it stays pending, uncounted, until the channel works again.
/// </summary>
public enum SendStatus { Sent, RetryLater, Unreachable, Rejected, ChannelDown }
