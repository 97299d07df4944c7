using Posyandu.Bot.Host.Security;
using Posyandu.Referrals.Roster;

namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// <c>roster import FILE.csv</c>: brings the database up to date, imports the roster and prints one line per CSV line
/// (created, updated, unchanged or refused and why; names shown, phone numbers masked) and a total. Exit code 0 when the
/// file was read (refused lines included), 1 when it cannot be read.
/// </summary>
internal static class RosterImportCommand
{
    public static Task<int> RunAsync(IServiceProvider services, string path, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CliImport.RunAsync(services, path, "roster", output, error, async (provider, csv) =>
        {
            var result = await provider.GetRequiredService<RosterImporter>().ImportAsync(csv, cancellationToken);
            return [.. result.Lines.Select(Describe),
                $"Jumlah: {result.Lines.Count} baris; {result.Created} dibuat, {result.Updated} diperbarui, " +
                $"{result.Unchanged} tidak berubah, {result.Refused} ditolak"];
        }, cancellationToken);

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
