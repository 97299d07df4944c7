namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>Which simulator chat stands for the channel a tester picks on the page: <c>telegram</c>, <c>whatsapp</c> or <c>sms</c>.</summary>
internal static class SimulatorChannels
{
    /// <summary>The chat channel name; Telegram's when nothing is picked, null for a channel the simulator does not know.</summary>
    public static string? ChatOf(string? picked) =>
        string.IsNullOrWhiteSpace(picked) ? SimulatorSender.ChannelName : SimulatorSender.ChannelAs.GetValueOrDefault(picked.Trim());
}
