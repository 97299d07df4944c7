using Posyandu.Referrals.Routing;

namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// <c>routing import FILE.csv</c>: brings the database up to date, imports the routing overrides and prints one line per
/// CSV line (created, updated, removed, unchanged or refused and why) and a total. Exit code 0 when the file was read
/// (refused lines included), 1 when it cannot be read.
/// </summary>
internal static class RoutingImportCommand
{
    public static Task<int> RunAsync(IServiceProvider services, string path, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CliImport.RunAsync(services, path, "rute", output, error, async (provider, csv) =>
        {
            var result = await provider.GetRequiredService<RoutingImporter>().ImportAsync(csv, cancellationToken);
            return [.. result.Lines.Select(line => $"baris {line.Line}: {Outcome(line.Outcome)} — {line.Message}"),
                $"Jumlah: {result.Lines.Count} baris; {result.Created} dibuat, {result.Updated} diperbarui, {result.Removed} dihapus, " +
                $"{result.Unchanged} tidak berubah, {result.Refused} ditolak"];
        }, cancellationToken);

    private static string Outcome(RoutingLineOutcome outcome) => outcome switch
    {
        RoutingLineOutcome.Created => "dibuat",
        RoutingLineOutcome.Updated => "diperbarui",
        RoutingLineOutcome.Removed => "dihapus",
        RoutingLineOutcome.Unchanged => "tidak berubah",
        _ => "DITOLAK",
    };
}
