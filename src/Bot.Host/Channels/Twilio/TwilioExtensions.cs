using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>The WhatsApp and SMS channels through Twilio: REST client, webhooks, senders, signed photo links. Off without credentials.</summary>
internal static class TwilioExtensions
{
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        var twilio = TwilioOptions.Read(builder.Configuration);
        if (!twilio.Enabled)
        {
            return builder;
        }

        var services = builder.Services;
        var apiBaseUrl = new Uri(twilio.ApiBaseUrl.Length > 0 && Uri.IsWellFormedUriString(twilio.ApiBaseUrl, UriKind.Absolute) ? twilio.ApiBaseUrl : TwilioOptions.DefaultApiBaseUrl);
        services.AddHttpClient(TwilioChannel.HttpClientName, client => client.Timeout = HttpTimeout)
            .AddHttpMessageHandler(() => new TwilioApiRedirect(apiBaseUrl))
            .AddStandardResilienceHandler(o =>
            {
                // A retried POST could send a message twice: the outbox retries those, with its own backoff.
                o.Retry.DisableForUnsafeHttpMethods();
            });
        services.AddSingleton<TwilioClients>();
        services.AddSingleton<TwilioMediaLinks>();
        services.AddScoped<TwilioMediaDownloader>();
        services.AddScoped<TwilioMessageHandler>();

        foreach (var channel in new[] { (TwilioChannel.WhatsApp, twilio.WhatsAppEnabled), (TwilioChannel.Sms, twilio.SmsEnabled) })
        {
            if (channel.Item2)
            {
                // Paced where every channel's messages leave, the outbox (per sender: the WhatsApp and the SMS number).
                services.AddSingleton(new ChannelPace(channel.Item1, twilio.Pacing.PerSecond, 0));
                services.AddSingleton<IChannelSender>(sp => new TwilioSender(channel.Item1,
                    sp.GetRequiredService<TwilioClients>(),
                    sp.GetRequiredService<IOptions<TwilioOptions>>(),
                    sp.GetRequiredService<TwilioMediaLinks>(),
                    sp.GetRequiredService<IDbContextFactory<PosyanduDb>>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<TwilioSender>>()));
            }
        }

        return builder;
    }

    /// <summary>Maps the webhooks (403 for every call while the channel is off) and the signed photo links.</summary>
    public static IEndpointRouteBuilder MapTwilio(this IEndpointRouteBuilder app)
    {
        app.MapPost(TwilioChannel.WebhookPath, TwilioWebhook.HandleAsync).WithWebhookBodyLimit().ExcludeFromDescription();
        app.MapPost(TwilioChannel.StatusPath, TwilioStatusCallback.HandleAsync).WithWebhookBodyLimit().ExcludeFromDescription();
        app.MapGet(TwilioMediaLinks.PathPrefix + "{id}", TwilioMediaLinks.Serve).ExcludeFromDescription();
        return app;
    }
}
