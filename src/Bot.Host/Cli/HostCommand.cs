namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// What the command line asks for: run the bot (the default; the arguments go to the host, e.g. <c>--urls</c>), import a
/// roster (<c>roster import FILE.csv</c>), list the routing gaps (<c>routing gaps</c>), print the form diagrams (<c>forms graph [TOPIC] [--markdown]</c>), or nothing
/// valid (print the usage, exit 2).
/// </summary>
internal sealed record HostCommand(HostCommandKind Kind, string[] HostArgs, string? RosterPath = null, string? Topic = null, bool Markdown = false)
{
    public const string Usage =
        "Pemakaian: dotnet run --project src/Bot.Host -- roster import FILE.csv, -- routing gaps, atau -- forms graph [TOPIK] [--markdown]";

    public const string MarkdownOption = "--markdown";

    public static HostCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && string.Equals(args[0], "forms", StringComparison.OrdinalIgnoreCase))
        {
            return ParseForms(args);
        }

        if (args.Length > 0 && string.Equals(args[0], "routing", StringComparison.OrdinalIgnoreCase))
        {
            return args.Length == 2 && string.Equals(args[1], "gaps", StringComparison.OrdinalIgnoreCase)
                ? new HostCommand(HostCommandKind.RoutingGaps, [])
                : new HostCommand(HostCommandKind.BadUsage, []);
        }

        if (args.Length == 0 || !string.Equals(args[0], "roster", StringComparison.OrdinalIgnoreCase))
        {
            return new HostCommand(HostCommandKind.RunBot, args);
        }

        return args.Length == 3 && string.Equals(args[1], "import", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(args[2])
            ? new HostCommand(HostCommandKind.ImportRoster, [], args[2])
            : new HostCommand(HostCommandKind.BadUsage, []);
    }

    // forms graph, then at most one topic and the --markdown option, in any order.
    private static HostCommand ParseForms(string[] args)
    {
        if (args.Length < 2 || !string.Equals(args[1], "graph", StringComparison.OrdinalIgnoreCase))
        {
            return new HostCommand(HostCommandKind.BadUsage, []);
        }

        string? topic = null;
        var markdown = false;
        foreach (var arg in args.Skip(2))
        {
            if (string.Equals(arg, MarkdownOption, StringComparison.OrdinalIgnoreCase) && !markdown)
            {
                markdown = true;
            }
            else if (topic is null && !string.IsNullOrWhiteSpace(arg) && !arg.StartsWith('-'))
            {
                topic = arg.Trim();
            }
            else
            {
                return new HostCommand(HostCommandKind.BadUsage, []);
            }
        }

        return new HostCommand(HostCommandKind.FormsGraph, [], Topic: topic, Markdown: markdown);
    }
}

internal enum HostCommandKind { RunBot, ImportRoster, RoutingGaps, FormsGraph, BadUsage }
