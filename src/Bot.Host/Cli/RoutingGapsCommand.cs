using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Routing;

namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// <c>routing gaps [AREA]</c>: brings the database up to date and prints, desa by desa, each role the routing table names
/// that nobody holds there and where its referrals go instead, then a total. Exit code 0.
/// </summary>
internal static class RoutingGapsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? area, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await DatabaseSetup.MigrateAsync(services, cancellationToken);
        var gaps = await services.GetRequiredService<RoutingGaps>().ListAsync(area, cancellationToken);
        foreach (var (desaNama, gap) in gaps)
        {
            var instead = gap.FallsBackTo.Count == 0 ? (gap.Kind == RecipientKind.Copy ? "tidak dikirim" : "TIDAK ADA PENERIMA") : string.Join(", ", gap.FallsBackTo);
            await output.WriteLineAsync($"{gap.DesaKode} {desaNama}: {gap.Topic} {gap.Role} ({(gap.Kind == RecipientKind.Primary ? "utama" : "tembusan")}) kosong -> {instead}");
        }

        var desa = gaps.Select(g => g.Gap.DesaKode).Distinct(StringComparer.Ordinal).Count();
        await output.WriteLineAsync($"{gaps.Count} celah rute di {desa} desa.");
        return 0;
    }
}
