using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>
/// The simulator's <see cref="IChannelSender"/>: the browser page reads the outbox itself, so a message counts as sent
/// the moment the dispatcher hands it over; the outbox still flows through the real dispatcher like any channel.
/// </summary>
internal sealed class SimulatorSender : IChannelSender
{
    /// <summary>The channel name of the browser simulator in envelopes, links and the outbox.</summary>
    public const string ChannelName = "simulator";

    public string Channel => ChannelName;

    public Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken) =>
        Task.FromResult(SendResult.Sent(null));
}
