using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Routing;

namespace Posyandu.Bot.Host.Cli;

/// <summary><c>routing gaps</c>: brings the database up to date and prints one line per desa, topic and role that has nobody.</summary>
internal static class RoutingGapsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await DatabaseSetup.MigrateAsync(services, cancellationToken);
        var gaps = await services.GetRequiredService<RoutingGaps>().ListAsync(area: null, cancellationToken);
        foreach (var gap in gaps)
        {
            await output.WriteLineAsync($"{gap.Desa} {gap.DesaNama}, {gap.Topic}: {gap.MissingRole} tidak ada, dialihkan ke {gap.FallsBackTo}");
        }

        await output.WriteLineAsync(gaps.Count == 0 ? "Tidak ada celah: setiap peran di tabel rute terisi." : $"{gaps.Count} celah.");
        return 0;
    }
}
