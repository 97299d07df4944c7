using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// What every CSV import command does around its importer: opens the file (<see cref="CliFile"/>), brings the database
/// up to date, imports, prints the importer's lines and total. Exit code 0 when the file was read (refused lines
/// included), 1 when it cannot be read.
/// </summary>
internal static class CliImport
{
    public const int Ok = 0;
    public const int Unreadable = 1;

    /// <param name="what">The file's name in the messages: "roster", "rute".</param>
    /// <param name="import">Imports the CSV with the services of a scope and returns the lines to print, the total last.</param>
    public static async Task<int> RunAsync(
        IServiceProvider services, string path, string what, TextWriter output, TextWriter error,
        Func<IServiceProvider, TextReader, Task<IEnumerable<string>>> import, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(import);
        if (CliFile.Open(path, out var problem) is not { } csv)
        {
            await error.WriteLineAsync($"Berkas {what} tidak dapat dibaca: {problem}");
            return Unreadable;
        }

        using (csv)
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            IEnumerable<string> lines;
            try
            {
                lines = await import(scope.ServiceProvider, csv);
            }
            catch (IOException exception)
            {
                await error.WriteLineAsync($"Berkas {what} tidak dapat dibaca: {CliFile.Problem(path, exception)}");
                return Unreadable;
            }

            foreach (var line in lines)
            {
                await output.WriteLineAsync(line);
            }

            return Ok;
        }
    }
}
