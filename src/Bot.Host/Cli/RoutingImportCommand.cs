using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Routing;

namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// <c>routing import FILE.csv</c>: brings the database up to date, imports the routing overrides and prints one line per
/// CSV line (created, updated, removed, unchanged or refused and why) and a total. Exit code 0 when the file was read
/// (refused lines included), 1 when it cannot be read.
/// </summary>
internal static class RoutingImportCommand
{
    public const int Ok = 0;
    public const int Unreadable = 1;

    public static async Task<int> RunAsync(IServiceProvider services, string path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (CliFile.Open(path, out var problem) is not { } csv)
        {
            await error.WriteLineAsync($"Berkas rute tidak dapat dibaca: {problem}");
            return Unreadable;
        }

        using (csv)
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            RoutingImportResult result;
            try
            {
                result = await services.GetRequiredService<RoutingImporter>().ImportAsync(csv, cancellationToken);
            }
            catch (IOException exception)
            {
                await error.WriteLineAsync($"Berkas rute tidak dapat dibaca: {CliFile.Problem(path, exception)}");
                return Unreadable;
            }

            foreach (var line in result.Lines)
            {
                await output.WriteLineAsync($"baris {line.Line}: {Outcome(line.Outcome)} — {line.Message}");
            }

            await output.WriteLineAsync(
                $"Jumlah: {result.Lines.Count} baris; {result.Created} dibuat, {result.Updated} diperbarui, {result.Removed} dihapus, " +
                $"{result.Unchanged} tidak berubah, {result.Refused} ditolak");
            return Ok;
        }
    }

    private static string Outcome(RoutingLineOutcome outcome) => outcome switch
    {
        RoutingLineOutcome.Created => "dibuat",
        RoutingLineOutcome.Updated => "diperbarui",
        RoutingLineOutcome.Removed => "dihapus",
        RoutingLineOutcome.Unchanged => "tidak berubah",
        _ => "DITOLAK",
    };
}
