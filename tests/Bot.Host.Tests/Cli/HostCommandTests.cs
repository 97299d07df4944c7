using Posyandu.Bot.Host.Cli;

namespace Posyandu.Bot.Host.Tests.Cli;

/// <summary>Reading the command line: run the bot, import a roster, or say how to use it.</summary>
public sealed class HostCommandTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--urls|http://localhost:6000")]
    [InlineData("--Telegram:Mode=Webhook")]
    public void Anything_but_roster_runs_the_bot_with_the_arguments_for_the_host(string line)
    {
        var args = Args(line);

        var command = HostCommand.Parse(args);

        Assert.Equal(HostCommandKind.RunBot, command.Kind);
        Assert.Equal(args, command.HostArgs);
    }

    [Theory]
    [InlineData("roster|import|kader.csv", "kader.csv")]
    [InlineData("ROSTER|Import|data/roster kecamatan.csv", "data/roster kecamatan.csv")]
    public void Roster_import_takes_the_file(string line, string file)
    {
        var command = HostCommand.Parse(Args(line));

        Assert.Equal(HostCommandKind.ImportRoster, command.Kind);
        Assert.Equal(file, command.FilePath);
        Assert.Empty(command.HostArgs);
    }

    [Theory]
    [InlineData("roster")]
    [InlineData("roster|import")]
    [InlineData("roster|export|a.csv")]
    [InlineData("roster|import|a.csv|b.csv")]
    [InlineData("roster|import| ")]
    public void Anything_else_after_roster_is_bad_usage(string line)
    {
        Assert.Equal(HostCommandKind.BadUsage, HostCommand.Parse(Args(line)).Kind);
    }

    [Theory]
    [InlineData("forms|graph", null, false)]
    [InlineData("forms|graph|PR-RTLH", "PR-RTLH", false)]
    [InlineData("FORMS|Graph|so-kekerasan|--markdown", "so-kekerasan", true)]
    [InlineData("forms|graph|--markdown", null, true)]
    [InlineData("forms|graph|--markdown|KS-BUMIL", "KS-BUMIL", true)]
    public void Forms_graph_takes_an_optional_topic_and_markdown(string line, string? topic, bool markdown)
    {
        var command = HostCommand.Parse(Args(line));

        Assert.Equal(HostCommandKind.FormsGraph, command.Kind);
        Assert.Equal(topic, command.Topic);
        Assert.Equal(markdown, command.Markdown);
        Assert.Empty(command.HostArgs);
    }

    [Theory]
    [InlineData("forms")]
    [InlineData("forms|list")]
    [InlineData("forms|graph|PR-RTLH|KS-BUMIL")]
    [InlineData("forms|graph|--svg")]
    [InlineData("forms|graph|--markdown|--markdown")]
    public void Anything_else_after_forms_is_bad_usage(string line)
    {
        Assert.Equal(HostCommandKind.BadUsage, HostCommand.Parse(Args(line)).Kind);
    }

    [Theory]
    [InlineData("routing|gaps", null)]
    [InlineData("ROUTING|Gaps|64.02.01", "64.02.01")]
    public void Routing_gaps_takes_an_optional_area(string line, string? area)
    {
        var command = HostCommand.Parse(Args(line));

        Assert.Equal((HostCommandKind.RoutingGaps, area), (command.Kind, command.Area));
        Assert.Empty(command.HostArgs);
    }

    [Theory]
    [InlineData("routing|import|rute.csv", "rute.csv")]
    [InlineData("ROUTING|Import|data/rute kecamatan.csv", "data/rute kecamatan.csv")]
    public void Routing_import_takes_the_file(string line, string file)
    {
        var command = HostCommand.Parse(Args(line));

        Assert.Equal((HostCommandKind.ImportRouting, file), (command.Kind, command.FilePath));
        Assert.Empty(command.HostArgs);
    }

    [Theory]
    [InlineData("routing")]
    [InlineData("routing|import")]
    [InlineData("routing|import| ")]
    [InlineData("routing|import|a.csv|b.csv")]
    [InlineData("routing|export|a.csv")]
    [InlineData("routing|gaps|64.02|64.03")]
    public void Anything_else_after_routing_is_bad_usage(string line)
    {
        Assert.Equal(HostCommandKind.BadUsage, HostCommand.Parse(Args(line)).Kind);
    }

    // Arguments as the shell hands them over, written with | between them.
    private static string[] Args(string line) => line.Length == 0 ? [] : line.Split('|');
}
