using System.Runtime.CompilerServices;
using Posyandu.Bot.Host.Cli;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Bot.Host.Tests.Cli;

/// <summary><c>forms graph</c>: the Mermaid diagrams of the shipped catalog, and the generated <c>docs/forms.md</c> kept in step with it.</summary>
public sealed class FormsGraphCommandTests
{
    // Without the launch profile: dotnet run would otherwise print "Using launch settings from…" into the page.
    private const string Regenerate = "dotnet run --project src/Bot.Host --no-launch-profile -- forms graph --markdown > docs/forms.md";

    private static readonly FormCatalog Catalog = FormCatalog.LoadDefault();

    [Fact]
    public void One_topic_prints_its_machine_only()
    {
        var (code, output, error) = Run("so-kekerasan", markdown: false);

        Assert.Equal(FormsGraphCommand.Ok, code);
        Assert.Empty(error);
        var form = Catalog.Find("SO-KEKERASAN")!;
        Assert.Equal($"%% SO-KEKERASAN — {form.Title}\n{FormMachine.ToMermaid(form).ReplaceLineEndings("\n").TrimEnd('\n')}\n", output);
        Assert.Contains("masih_bahaya --> uraian", output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_topic_prints_every_topic_of_the_catalog_in_order()
    {
        var (code, output, _) = Run(null, markdown: false);

        Assert.Equal(FormsGraphCommand.Ok, code);
        var headings = output.Split('\n').Where(l => l.StartsWith("%% ", StringComparison.Ordinal)).Select(l => l[3..].Split(' ')[0]).ToList();
        Assert.Equal(Catalog.Forms.Select(f => f.Topic), headings);
        Assert.Equal(Catalog.Forms.Count, output.Split('\n').Count(l => l == "stateDiagram-v2"));
    }

    [Fact]
    public void An_unknown_topic_is_refused_in_Indonesian_with_the_list_and_code_2()
    {
        var (code, output, error) = Run("KS-LANSIA", markdown: false);

        Assert.Equal(FormsGraphCommand.UnknownTopic, code);
        Assert.Empty(output);
        Assert.Equal($"Topik 'KS-LANSIA' tidak ada di katalog. Topik yang tersedia: {string.Join(", ", Catalog.Forms.Select(f => f.Topic))}.\n",
            error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_catalog_that_does_not_load_is_one_line_and_code_1()
    {
        var folder = Path.Combine(Path.GetTempPath(), "posyandu-forms-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "PR-RUSAK.json"), "{ \"topic\": \"PR-RUSAK\", ");
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = FormsGraphCommand.Run(() => FormCatalog.Load(folder), null, markdown: false, output, error);

            Assert.Equal(FormsGraphCommand.BadCatalog, code);
            Assert.Empty(output.ToString());
            var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Katalog formulir tidak dapat dimuat: PR-RUSAK.json", line.TrimEnd('\r'), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Markdown_has_a_heading_and_a_mermaid_block_per_topic()
    {
        var (_, output, _) = Run(null, markdown: true);

        var lines = output.Split('\n');
        Assert.Equal(Catalog.Forms.Select(f => $"## {f.Topic} — {f.Title}"), lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Equal(Catalog.Forms.Count, lines.Count(l => l == "```mermaid"));
        Assert.Contains(Regenerate, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_forms_md_is_up_to_date_with_the_catalog()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "forms.md");
        Assert.True(File.Exists(path), $"{path} is missing; regenerate it: {Regenerate}");

        var expected = FormsGraphCommand.Markdown(Catalog.Forms);
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");

        Assert.True(expected == actual,
            $"docs/forms.md is out of date with the form catalog; regenerate it: {Regenerate}");
    }

    private static (int Code, string Output, string Error) Run(string? topic, bool markdown)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = FormsGraphCommand.Run(Catalog, topic, markdown, output, error);
        return (code, output.ToString(), error.ToString());
    }

    // The committed page is in the repository, found by its solution file: above the build output when it is built in the
    // tree, otherwise (an --artifacts-path outside it) above this source file as the compiler saw it.
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) })
        {
            for (var folder = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Posyandu.Bot.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} or {sourceFile} holds Posyandu.Bot.sln.");
    }
}
