namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// What the command line asks for: run the bot (the default; the arguments go to the host, e.g. <c>--urls</c>), import a
/// roster (<c>roster import FILE.csv</c>), import routing overrides (<c>routing import FILE.csv</c>), list the routing gaps
/// (<c>routing gaps [AREA]</c>), print the form diagrams (<c>forms graph [TOPIC] [--markdown]</c>), or nothing valid (print
/// the usage, exit 2).
/// </summary>
internal sealed record HostCommand(HostCommandKind Kind, string[] HostArgs, string? FilePath = null, string? Topic = null, bool Markdown = false, string? Area = null)
{
    public const string Usage =
        "Pemakaian: dotnet run --project src/Bot.Host -- roster import FILE.csv, atau -- routing import FILE.csv, atau -- routing gaps [KODE_WILAYAH], atau -- forms graph [TOPIK] [--markdown]";

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
            return ParseRouting(args);
        }

        if (args.Length == 0 || !string.Equals(args[0], "roster", StringComparison.OrdinalIgnoreCase))
        {
            return new HostCommand(HostCommandKind.RunBot, args);
        }

        return args.Length == 3 && string.Equals(args[1], "import", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(args[2])
            ? new HostCommand(HostCommandKind.ImportRoster, [], args[2])
            : new HostCommand(HostCommandKind.BadUsage, []);
    }

    // routing gaps [AREA], or routing import FILE.
    private static HostCommand ParseRouting(string[] args)
    {
        if (args.Length is 2 or 3 && string.Equals(args[1], "gaps", StringComparison.OrdinalIgnoreCase))
        {
            return new HostCommand(HostCommandKind.RoutingGaps, [], Area: args.Length == 3 ? args[2].Trim() : null);
        }

        return args.Length == 3 && string.Equals(args[1], "import", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(args[2])
            ? new HostCommand(HostCommandKind.ImportRouting, [], args[2])
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

internal enum HostCommandKind { RunBot, ImportRoster, ImportRouting, RoutingGaps, FormsGraph, BadUsage }
