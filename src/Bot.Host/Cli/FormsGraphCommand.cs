using System.Text;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Bot.Host.Cli;

/// <summary>
/// <c>forms graph [TOPIC] [--markdown]</c>: prints the Stateless machine of one topic (all topics when none is named) as a
/// Mermaid state diagram; with <c>--markdown</c>, as the page <c>docs/forms.md</c> (a heading and a mermaid block per
/// topic). Exit code 0, 1 for a catalog that does not load (its one-line problem is printed), or 2 for an unknown topic
/// (the known ones are listed).
/// </summary>
internal static class FormsGraphCommand
{
    public const int Ok = 0;
    public const int BadCatalog = 1;
    public const int UnknownTopic = 2;

    /// <summary>Loads the catalog with <paramref name="load"/> (normally <see cref="FormCatalog.LoadDefault"/>), then runs.</summary>
    public static int Run(Func<FormCatalog> load, string? topic, bool markdown, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(error);
        FormCatalog catalog;
        try
        {
            catalog = load();
        }
        catch (CatalogException exception)
        {
            error.WriteLine($"Katalog formulir tidak dapat dimuat: {exception.Message}");
            return BadCatalog;
        }

        return Run(catalog, topic, markdown, output, error);
    }

    /// <summary>Prints the diagrams of <paramref name="topic"/> (or every topic) of an already loaded catalog.</summary>
    public static int Run(FormCatalog catalog, string? topic, bool markdown, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        IReadOnlyList<FormDefinition> forms = catalog.Forms;
        if (topic is not null)
        {
            if (catalog.Find(topic) is not { } form)
            {
                error.WriteLine($"Topik '{topic}' tidak ada di katalog. Topik yang tersedia: {string.Join(", ", catalog.Forms.Select(f => f.Topic))}.");
                return UnknownTopic;
            }

            forms = [form];
        }

        output.Write(markdown ? Markdown(forms) : Graphs(forms));
        return Ok;
    }

    /// <summary>The page <c>docs/forms.md</c>: what the tests compare the committed file with.</summary>
    public static string Markdown(IEnumerable<FormDefinition> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var text = new StringBuilder();
        text.Append("# Form diagrams\n\n");
        text.Append("The Stateless machine of every topic in the form catalog (`src/Conversation/Forms/Catalog/`): a state per\n");
        text.Append("question, the summary (`ringkasan`), the cancel confirmation and the two ends, with the `showIf` guards.\n");
        text.Append("Generated; do not edit by hand. After changing the catalog, regenerate it:\n\n");
        text.Append("```bash\ndotnet run --project src/Bot.Host --no-launch-profile -- forms graph --markdown > docs/forms.md\n```\n");
        foreach (var form in forms)
        {
            text.Append("\n## ").Append(form.Topic).Append(" — ").Append(form.Title).Append('\n');
            if (form.Confidential)
            {
                text.Append("\nConfidential topic.\n");
            }

            text.Append("\n```mermaid\n").Append(Graph(form)).Append("```\n");
        }

        return text.ToString();
    }

    private static string Graphs(IEnumerable<FormDefinition> forms)
    {
        var text = new StringBuilder();
        foreach (var form in forms)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append("%% ").Append(form.Topic).Append(" — ").Append(form.Title).Append('\n').Append(Graph(form));
        }

        return text.ToString();
    }

    // One line ending, whatever the platform, so the generated page is byte-for-byte stable.
    private static string Graph(FormDefinition form)
    {
        var graph = FormMachine.ToMermaid(form).ReplaceLineEndings("\n").TrimEnd('\n');
        return graph + "\n";
    }
}
