using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals.Outbox;
using Telegram.Bot;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>The Telegram channel: Bot API client, update handler, sender, and webhook or polling. Off when no bot token is set.</summary>
internal static class TelegramExtensions
{
    // Long enough for a 25 s getUpdates long poll and a photo download on a slow line.
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(60);

    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        var telegram = TelegramOptions.Read(builder.Configuration);
        if (!telegram.Enabled)
        {
            return builder;
        }

        var services = builder.Services;
        services.AddHttpClient(TelegramChannel.HttpClientName, client => client.Timeout = HttpTimeout)
            // The default HttpClient logging writes request URIs, and every Bot API URI contains the token.
            .RemoveAllLoggers();
        services.AddSingleton<TelegramClients>();
        services.AddTransient<ITelegramBotClient>(provider => provider.GetRequiredService<TelegramClients>().Create());

        services.AddScoped<TelegramUpdateHandler>();
        services.AddScoped<TelegramPhotoDownloader>();
        services.AddSingleton<IChannelSender, TelegramSender>();
        services.AddSingleton(new ChannelPace(TelegramChannel.Name, telegram.Pacing.PerSecond, telegram.Pacing.PerChatPerSecond));

        if (telegram.UsesWebhook)
        {
            services.AddHostedService<TelegramWebhookRegistration>();
        }
        else
        {
            services.AddHostedService<TelegramPollingService>();
        }

        return builder;
    }

    /// <summary>Maps the webhook; it refuses every call (401) while the channel is off or no secret is configured, and any body over the webhook cap (413).</summary>
    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder app)
    {
        app.MapPost(TelegramWebhook.Path, TelegramWebhook.HandleAsync).ExcludeFromDescription().WithWebhookBodyLimit();
        return app;
    }
}
