namespace Posyandu.Referrals.Persistence;

/// <summary>A chat on one channel proven to belong to a person (Telegram chat id, WhatsApp or SMS number, simulator).</summary>
public sealed class ChannelLink
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string Address { get; set; }
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public DateTimeOffset? LastInboundAt { get; set; }
    /// <summary>The person blocked the bot there; nothing is sent to this chat until they write again.</summary>
    public bool Unreachable { get; set; }
}
