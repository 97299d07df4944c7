namespace Posyandu.Referrals.Outbox;

/// <summary>
/// A channel's sending limits, registered by its adapter from its settings (<c>Telegram:Pacing:PerSecond</c>, …): messages
/// per second for the whole bot or sender, and per chat. 0 = unlimited.
/// </summary>
public sealed record ChannelPace(string Channel, int PerSecond, int PerChatPerSecond);
