namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>The system clock moved forward by <see cref="Offset"/>: lets a test reach "five minutes later" without waiting.</summary>
public sealed class OffsetClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
