namespace Posyandu.Referrals.Outbox;

/// <summary>One chat: a channel and the address on it.</summary>
public readonly record struct ChatAddress(string Channel, string Address);
