using System.Net;
using System.Text.RegularExpressions;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary>
/// Every <c>curl … http://localhost:5080/…</c> example in README.md and docs/*.md works: each path is requested (GET, with
/// the key) from a host holding a real report, and answers 2xx. Example report numbers and photo ids are swapped for the
/// host's own.
/// </summary>
[Collection(ReportedHostDefinition.Name)]
public sealed partial class DocsExamplesTests(ReportedHost reported)
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        var root = RepositoryRoot();
        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Prepend(Path.Combine(root, "README.md"));
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (Curl().Match(line) is { Success: true } match)
                {
                    data.Add(Path.GetRelativePath(root, file), match.Groups["path"].Value);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_api_documentation_has_examples()
    {
        Assert.True(Examples().Count(e => (string)e[0] == Path.Combine("docs", "api.md")) >= 5);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_documented_example_answers_2xx(string file, string path)
    {
        var real = MediaId().Replace(ReportNumber().Replace(path, reported.Number), reported.PhotoId);

        using var response = await reported.Host.GetApiAsync(real);

        Assert.True(response.IsSuccessStatusCode, $"{file}: {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Posyandu.Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Posyandu.Bot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\bcurl\b.*?"?http://localhost:5080(?<path>/[^"\s]*)""")]
    private static partial Regex Curl();

    [GeneratedRegex(@"\b[A-Z]{2}-\d{4}-\d{4}\b")]
    private static partial Regex ReportNumber();

    [GeneratedRegex(@"\b[0-9a-f]{32}\.[a-z]+\b")]
    private static partial Regex MediaId();
}
