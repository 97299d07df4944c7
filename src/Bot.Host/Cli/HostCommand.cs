namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// What the command line asks for: run the bot (the default; the arguments go to the host, e.g. <c>--urls</c>), import a
/// roster (<c>roster import FILE.csv</c>), or nothing valid (print the usage, exit 2).
/// </summary>
internal sealed record HostCommand(HostCommandKind Kind, string[] HostArgs, string? RosterPath = null)
{
    public const string Usage = "Pemakaian: dotnet run --project src/Bot.Host -- roster import FILE.csv";

    public static HostCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !string.Equals(args[0], "roster", StringComparison.OrdinalIgnoreCase))
        {
            return new HostCommand(HostCommandKind.RunBot, args);
        }

        return args.Length == 3 && string.Equals(args[1], "import", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(args[2])
            ? new HostCommand(HostCommandKind.ImportRoster, [], args[2])
            : new HostCommand(HostCommandKind.BadUsage, []);
    }
}

internal enum HostCommandKind { RunBot, ImportRoster, BadUsage }
