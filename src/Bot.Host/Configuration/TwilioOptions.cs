namespace Posyandu.Bot.Host.Configuration;

/// <summary>The <c>Twilio</c> section: credentials (the channel is off without them), sender addresses, servers, templates and pacing.</summary>
internal sealed class TwilioOptions
{
    public const string Section = "Twilio";
    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    public string AccountSid { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>The WhatsApp sender, <c>whatsapp:+1…</c>; empty = no WhatsApp.</summary>
    public string WhatsAppFrom { get; set; } = "";

    /// <summary>The SMS sender, <c>+1…</c>; empty = no SMS.</summary>
    public string SmsFrom { get; set; } = "";

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The public URL Twilio calls (signatures, status callbacks, photo links); empty = the request's own URL.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Approved WhatsApp templates by message kind (<c>Alert</c>, <c>Notice</c>, <c>Reminder</c>), for use outside the 24-hour window.</summary>
    public Dictionary<string, TwilioTemplate> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TwilioPacing Pacing { get; set; } = new();

    public bool Enabled => AccountSid.Length > 0 && AuthToken.Length > 0;

    public bool WhatsAppEnabled => Enabled && WhatsAppFrom.Length > 0;

    public bool SmsEnabled => Enabled && SmsFrom.Length > 0;

    public static TwilioOptions Read(IConfiguration configuration)
    {
        var options = new TwilioOptions();
        configuration.GetSection(Section).Bind(options);
        options.FillDefaults();
        return options;
    }

    /// <summary>An empty value in appsettings or the environment means "use the default", as for Telegram.</summary>
    public void FillDefaults()
    {
        AccountSid = AccountSid?.Trim() ?? "";
        AuthToken = AuthToken?.Trim() ?? "";
        WhatsAppFrom = WhatsAppFrom?.Trim() ?? "";
        SmsFrom = SmsFrom?.Trim() ?? "";
        PublicBaseUrl = PublicBaseUrl?.Trim().TrimEnd('/') ?? "";
        if (string.IsNullOrWhiteSpace(ApiBaseUrl))
        {
            ApiBaseUrl = DefaultApiBaseUrl;
        }

        ApiBaseUrl = ApiBaseUrl.Trim().TrimEnd('/');
        Templates ??= new(StringComparer.OrdinalIgnoreCase);
        Pacing ??= new();
    }

    /// <summary>The template for a message kind, when one is configured with a ContentSid.</summary>
    public TwilioTemplate? TemplateFor(string kind) =>
        Templates.TryGetValue(kind, out var template) && !string.IsNullOrWhiteSpace(template.ContentSid) ? template : null;
}

/// <summary>An approved WhatsApp template: its ContentSid and, optionally, the ContentVariables JSON with <c>{text}</c>/<c>{number}</c> placeholders.</summary>
internal sealed class TwilioTemplate
{
    public string ContentSid { get; set; } = "";

    public string Variables { get; set; } = "";
}

/// <summary>Outbound pacing per sender address; 0 = unlimited.</summary>
internal sealed class TwilioPacing
{
    /// <summary>Twilio's default throughput for a WhatsApp sender is 80 messages per second; a long code SMS sender 1.</summary>
    public int PerSecond { get; set; } = 80;
}
