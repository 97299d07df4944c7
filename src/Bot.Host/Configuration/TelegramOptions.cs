namespace Posyandu.Bot.Host.Configuration;

/// <summary>The <c>Telegram</c> section: the bot token (the channel is off without one), how updates arrive, and the Bot API server.</summary>
internal sealed class TelegramOptions
{
    public const string Section = "Telegram";
    public const string Webhook = "Webhook";
    public const string Polling = "Polling";
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    public string BotToken { get; set; } = "";

    public string Mode { get; set; } = Polling;

    /// <summary>Required in <c>X-Telegram-Bot-Api-Secret-Token</c>; empty refuses every webhook call.</summary>
    public string WebhookSecret { get; set; } = "";

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The public URL of <c>/webhooks/telegram</c>; when set in Webhook mode, <c>setWebhook</c> is called at start.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>The Bot API's limits: about 30 messages a second per bot, 1 a second per chat (0 = unlimited).</summary>
    public PacingOptions Pacing { get; set; } = new() { PerSecond = 30, PerChatPerSecond = 1 };

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool UsesWebhook => string.Equals(Mode, Webhook, StringComparison.OrdinalIgnoreCase);

    public static TelegramOptions Read(IConfiguration configuration)
    {
        var options = new TelegramOptions();
        configuration.GetSection(Section).Bind(options);
        options.FillDefaults();
        return options;
    }

    /// <summary>An empty value in appsettings or the environment means "use the default", as the spec's table says.</summary>
    public void FillDefaults()
    {
        BotToken = BotToken?.Trim() ?? "";
        WebhookSecret ??= "";
        WebhookUrl = WebhookUrl?.Trim() ?? "";
        if (string.IsNullOrWhiteSpace(Mode))
        {
            Mode = Polling;
        }

        if (string.IsNullOrWhiteSpace(ApiBaseUrl))
        {
            ApiBaseUrl = DefaultApiBaseUrl;
        }
    }
}
