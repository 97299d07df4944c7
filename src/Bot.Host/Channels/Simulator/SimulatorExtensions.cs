using Microsoft.Extensions.DependencyInjection.Extensions;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>Registers and maps the browser simulator; the host calls both only when <c>Demo:Enabled</c> is true.</summary>
internal static class SimulatorExtensions
{
    public static IServiceCollection AddSimulator(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SimulatorChats)))
        {
            return services;
        }

        foreach (var channel in SimulatorSender.ChannelAs.Values)
        {
            services.AddSingleton<IChannelSender>(new SimulatorSender(channel));
        }

        services.AddSingleton<SimulatorChats>();
        return services;
    }

    public static IEndpointRouteBuilder MapSimulator(this IEndpointRouteBuilder app)
    {
        SimulatorPage.Map(app);
        SimulatorApi.Map(app);
        return app;
    }
}
