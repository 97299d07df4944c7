using Posyandu.Bot.Host.Security;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// <c>roster import FILE.csv</c>: brings the database up to date, imports the roster and prints one line per CSV line
/// (created, updated, unchanged or refused and why; names shown, phone numbers masked) and a total. Exit code 0 when the
/// file was read (refused lines included), 1 when it cannot be read.
/// </summary>
internal static class RosterImportCommand
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
            await error.WriteLineAsync($"Berkas roster tidak dapat dibaca: {problem}");
            return Unreadable;
        }

        using (csv)
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            RosterImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<RosterImporter>().ImportAsync(csv, cancellationToken);
            }
            catch (IOException exception)
            {
                await error.WriteLineAsync($"Berkas roster tidak dapat dibaca: {CliFile.Problem(path, exception)}");
                return Unreadable;
            }

            foreach (var line in result.Lines)
            {
                await output.WriteLineAsync(Describe(line));
            }

            await output.WriteLineAsync(
                $"Jumlah: {result.Lines.Count} baris; {result.Created} dibuat, {result.Updated} diperbarui, " +
                $"{result.Unchanged} tidak berubah, {result.Refused} ditolak");
            return Ok;
        }
    }

    private static string Describe(RosterLineResult line)
    {
        var outcome = line.Outcome switch
        {
            RosterLineOutcome.Created => "dibuat",
            RosterLineOutcome.Updated => "diperbarui",
            RosterLineOutcome.Unchanged => "tidak berubah",
            _ => "DITOLAK",
        };
        var name = string.IsNullOrWhiteSpace(line.Name) ? "" : $" {line.Name}";
        // The importer's own words say what changed or why a line was refused; "tidak berubah" needs no repeating.
        var message = string.IsNullOrWhiteSpace(line.Message) || line.Message == outcome ? "" : $" — {line.Message}";
        return Redaction.MaskPhones($"baris {line.Line}: {outcome}{name}{message}");
    }
}
