using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Outbox;

/// <summary>Sends one outbox message on one channel (Telegram, simulator, …); implemented by the host's channel adapters.</summary>
public interface IChannelSender
{
    /// <summary>The channel name this sender serves (<c>telegram</c>, <c>simulator</c>).</summary>
    string Channel { get; }

    /// <summary>Sends <paramref name="reply"/> to <paramref name="address"/>. Must not throw for platform errors: it maps them to a result.</summary>
    Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one outbox message knowing what it is (its kind, its person): a channel with rules per kind (WhatsApp's 24-hour
    /// window) needs that; the others just send the reply.
    /// </summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(message.Address, message.Reply, cancellationToken);
    }
}

/// <summary>One outbox row as the dispatcher hands it to a sender.</summary>
public sealed record OutboundMessage(long OutboxId, OutboxKind Kind, long? PersonId, string Address, Reply Reply);

/// <summary>What happened to one send attempt.</summary>
/// <remarks><see cref="ErrorCode"/> is the platform's own code (Twilio's 21610, 63016, …), kept on the outbox row.</remarks>
public sealed record SendResult(SendStatus Status, string? PlatformMessageId = null, TimeSpan? RetryAfter = null, string? Error = null, int? ErrorCode = null)
{
    public static SendResult Sent(string? platformMessageId) => new(SendStatus.Sent, platformMessageId);
    public static SendResult RetryLater(TimeSpan? after, string error, int? errorCode = null) => new(SendStatus.RetryLater, RetryAfter: after, Error: error, ErrorCode: errorCode);
    public static SendResult Unreachable(string error) => new(SendStatus.Unreachable, Error: error);
    public static SendResult Rejected(string error, int? errorCode = null) => new(SendStatus.Rejected, Error: error, ErrorCode: errorCode);
    public static SendResult OptedOut(string error, int? errorCode) => new(SendStatus.OptedOut, Error: error, ErrorCode: errorCode);
    public static SendResult WaitForPerson(string error, int? errorCode = null) => new(SendStatus.WaitForPerson, Error: error, ErrorCode: errorCode);
    public static SendResult ChannelDown(string error) => new(SendStatus.ChannelDown, Error: error);
}

/// <summary>
/// <see cref="RetryLater"/>: 429, 5xx, network (try again, honouring RetryAfter); <see cref="Unreachable"/>: the person blocked
/// the bot (403), stop sending there; <see cref="Rejected"/>: a 4xx that will never succeed (kept, not retried);
/// <see cref="OptedOut"/>: the person told the platform to stop (Twilio 21610): like unreachable, and no more reminders;
/// <see cref="WaitForPerson"/>: may only be sent once the person writes again (WhatsApp's 24-hour window, no template or SMS);
/// <see cref="ChannelDown"/>: our side of the channel cannot send (the platform refused our token): nothing is wrong with
/// the message, so it stays pending, uncounted, until the channel works again.
/// </summary>
public enum SendStatus { Sent, RetryLater, Unreachable, Rejected, OptedOut, WaitForPerson, ChannelDown }
