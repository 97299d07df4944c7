using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Configuration;

namespace Posyandu.Bot.Host.Tests.Configuration;

/// <summary>The repo's appsettings.example.json: readable by .NET (comments and all), complete, and valid as shipped.</summary>
public sealed class ExampleSettingsTests
{
    [Fact]
    public void The_example_documents_every_key_of_appsettings_and_is_valid()
    {
        var example = Load("appsettings.example.json");
        var shipped = Load(Path.Combine("src", "Bot.Host", "appsettings.json"));

        var missing = Keys(shipped).Except(Keys(example)).ToList();
        Assert.True(missing.Count == 0, "Not in appsettings.example.json: " + string.Join(", ", missing));
        Assert.Contains("//", File.ReadAllText(Path.Combine(RepoRoot(), "appsettings.example.json")), StringComparison.Ordinal);

        using var services = new ServiceCollection().AddSingleton<IConfiguration>(example).AddPosyanduOptions().BuildServiceProvider();
        Assert.Null(services.CheckConfiguration());
    }

    [Fact]
    public void Development_turns_the_demo_on_and_production_keeps_it_off()
    {
        Assert.Equal("false", Load(Path.Combine("src", "Bot.Host", "appsettings.json"))["Demo:Enabled"], ignoreCase: true);
        Assert.Equal("true", Load(Path.Combine("src", "Bot.Host", "appsettings.Development.json"))["Demo:Enabled"], ignoreCase: true);
    }

    private static IConfigurationRoot Load(string relativePath) =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoRoot(), relativePath), optional: false).Build();

    private static IEnumerable<string> Keys(IConfiguration configuration) =>
        configuration.AsEnumerable().Where(pair => pair.Value is not null).Select(pair => pair.Key);

    // The tests may build anywhere (an artifacts folder), so the repository is found from this source file.
    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
