namespace Posyandu.Bot.Host.Configuration;

/// <summary>A channel's <c>Pacing</c> settings: messages per second in total and per chat; 0 = unlimited.</summary>
internal sealed class PacingOptions
{
    public int PerSecond { get; set; }

    public int PerChatPerSecond { get; set; }

    public bool IsValid => PerSecond >= 0 && PerChatPerSecond >= 0;
}
