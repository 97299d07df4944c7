using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Channels.Simulator;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals.Roster;

namespace Posyandu.Bot.Host.Demo;

/// <summary>Demo mode (<c>Demo:Enabled</c>): the browser simulator and the demo roster loaded into an empty database.</summary>
internal static class DemoExtensions
{
    /// <summary>The demo roster, copied next to the binaries from <c>src/Bot.Host/DemoData</c>.</summary>
    public static string DemoRosterPath => Path.Combine(AppContext.BaseDirectory, "DemoData", "roster-demo.csv");

    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        if (DemoOptions.Read(builder.Configuration).Enabled)
        {
            builder.Services.AddSimulator();
        }

        return builder;
    }

    public static WebApplication MapDemo(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return app;
        }

        app.MapSimulator();
        app.Lifetime.ApplicationStarted.Register(() => LogSimulatorAddress(app));
        return app;
    }

    /// <summary>Loads the demo roster when demo mode is on and nobody is in the roster yet (a fresh database).</summary>
    public static async Task LoadDemoRosterAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        if (!app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
        if (await importer.HasPeopleAsync(cancellationToken))
        {
            return;
        }

        using var csv = new StreamReader(DemoRosterPath);
        var result = await importer.ImportAsync(csv, cancellationToken);
        var refused = result.Lines.Count(l => l.Outcome == RosterLineOutcome.Refused);
        app.Logger.LogInformation("Roster demo dimuat: {Count} baris, {Refused} ditolak", result.Lines.Count, refused);
    }

    private static void LogSimulatorAddress(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses?.FirstOrDefault();
        if (address is null)
        {
            return;
        }

        // Kestrel reports wildcard bindings as-is; a person opens them on this machine as localhost.
        var local = address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
        app.Logger.LogInformation("Simulator: {Url}/simulator", local);
    }
}
