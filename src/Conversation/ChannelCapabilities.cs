namespace Posyandu.Conversation;

/// <summary>
/// What a channel can show, so the dialog speaks its way: Telegram has buttons and bold text; WhatsApp has bold text but
/// (for the bot's free-form messages) no buttons; SMS has neither, and no emoji. <see cref="MaxLength"/> is one message's limit.
/// </summary>
public sealed record ChannelCapabilities(bool Buttons, bool RichText, int MaxLength)
{
    public static readonly ChannelCapabilities Telegram = new(Buttons: true, RichText: true, MaxLength: 4096);
    public static readonly ChannelCapabilities WhatsApp = new(Buttons: false, RichText: true, MaxLength: 4096);
    public static readonly ChannelCapabilities Sms = new(Buttons: false, RichText: false, MaxLength: 1600);

    /// <summary>
    /// By channel name: <c>whatsapp</c>, <c>sms</c> (and the simulator acting as them, <c>simulator-whatsapp</c>,
    /// <c>simulator-sms</c>); anything else (Telegram, the plain simulator) shows everything.
    /// </summary>
    public static ChannelCapabilities For(string? channel) => channel?.ToLowerInvariant() switch
    {
        "whatsapp" or "simulator-whatsapp" => WhatsApp,
        "sms" or "simulator-sms" => Sms,
        _ => Telegram,
    };
}
