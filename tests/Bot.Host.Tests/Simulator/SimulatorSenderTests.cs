using Posyandu.Bot.Host.Channels.Simulator;
using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Tests.Simulator;

public class SimulatorSenderTests
{
    [Fact]
    public async Task EveryMessage_CountsAsSentOnTheSimulatorChannel()
    {
        var sender = new SimulatorSender();

        var result = await sender.SendAsync("+6281251234501", new Reply("Halo", [new Button("Ya", "c:listrik:1")]), CancellationToken.None);

        Assert.Equal("simulator", sender.Channel);
        Assert.Equal(SendStatus.Sent, result.Status);
    }
}
