namespace Posyandu.Conversation.Dialog;

/// <summary>Button data of the menus: <c>m:&lt;bidang&gt;</c> picks a bidang, <c>t:&lt;topic&gt;</c> a topic.</summary>
internal static class MenuData
{
    private const string BidangPrefix = "m:";
    private const string TopicPrefix = "t:";

    public static string Bidang(string code) => BidangPrefix + code;

    public static string Topic(string topic) => TopicPrefix + topic;

    public static string? ReadBidang(Inbound message) => Read(message, BidangPrefix);

    public static string? ReadTopic(Inbound message) => Read(message, TopicPrefix);

    private static string? Read(Inbound message, string prefix) =>
        message.Kind == InboundKind.Choice && message.ChoiceData is { } data && data.StartsWith(prefix, StringComparison.Ordinal)
            ? data[prefix.Length..]
            : null;
}
