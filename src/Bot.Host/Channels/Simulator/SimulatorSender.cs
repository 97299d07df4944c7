using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>
/// The simulator's <see cref="IChannelSender"/>: the browser page reads the outbox itself, so a message counts as sent
/// the moment the dispatcher hands it over; the outbox still flows through the real dispatcher like any channel.
/// </summary>
internal sealed class SimulatorSender(string channel = SimulatorSender.ChannelName) : IChannelSender
{
    /// <summary>The channel name of the browser simulator in envelopes, links and the outbox (as Telegram shows things).</summary>
    public const string ChannelName = "simulator";

    /// <summary>The simulator acting as WhatsApp or SMS: the dialog words its messages for that channel.</summary>
    public static readonly IReadOnlyDictionary<string, string> ChannelAs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = ChannelName,
        ["whatsapp"] = ChannelName + "-whatsapp",
        ["sms"] = ChannelName + "-sms",
    };

    public string Channel => channel;

    public Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken) =>
        Task.FromResult(SendResult.Sent(null));
}
