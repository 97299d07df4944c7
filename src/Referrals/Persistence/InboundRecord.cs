namespace Posyandu.Referrals.Persistence;

/// <summary>One inbound platform message already handled; (channel, platform id) is the dedupe key against redelivery.</summary>
public sealed class InboundRecord
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string PlatformMessageId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
