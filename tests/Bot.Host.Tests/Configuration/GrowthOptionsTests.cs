using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Conversation.Growth;

namespace Posyandu.Bot.Host.Tests.Configuration;

/// <summary>
/// <c>Growth:TablesPath</c>: empty means the tables shipped with the bot, a readable folder of the same WHO files is
/// loaded instead, anything else stops the start.
/// </summary>
public sealed class GrowthOptionsTests
{
    // The WHO tables shipped in the repository, read here as a folder as an operator's copy would be.
    private static readonly string WhoFolder = Path.GetFullPath(Path.Combine(RepoRoot(), "src", "Conversation", "Growth", "Tables"));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void No_path_means_the_shipped_tables(string? tablesPath)
    {
        using var services = Build(tablesPath);

        Assert.Null(services.CheckConfiguration());
        Assert.Same(GrowthStandards.Who, services.GetRequiredService<GrowthStandards>());
    }

    [Fact]
    public void A_folder_with_whos_tables_is_read_once_at_start()
    {
        using var services = Build(WhoFolder);

        Assert.Null(services.CheckConfiguration());
        var tables = services.GetRequiredService<GrowthStandards>();
        Assert.Same(services.GetRequiredService<IOptions<GrowthOptions>>().Value.Tables, tables);
        Assert.NotSame(GrowthStandards.Who, tables);
        Assert.Equal(0.24, Math.Round(tables.WeightForAge(Sex.Female, 1522, 17)!.Value, 2));
    }

    [Fact]
    public void A_folder_without_the_tables_stops_the_start_with_one_line_naming_the_key()
    {
        using var services = Build(Path.Combine(WhoFolder, "tidak-ada"));

        var problem = services.CheckConfiguration();

        Assert.NotNull(problem);
        Assert.StartsWith("Konfigurasi salah: Growth:TablesPath harus folder berisi tabel WHO", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void A_folder_missing_the_arm_circumference_table_stops_the_start()
    {
        var folder = Directory.CreateTempSubdirectory("growth-");
        try
        {
            foreach (var name in GrowthStandards.FileNames.Where(n => n != "acanthro.txt"))
            {
                File.Copy(Path.Combine(WhoFolder, name), Path.Combine(folder.FullName, name));
            }

            using var services = Build(folder.FullName);

            Assert.Contains("acanthro.txt", services.CheckConfiguration(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static ServiceProvider Build(string? tablesPath)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Growth:TablesPath"] = tablesPath });
        builder.AddPosyanduOptions();
        return builder.Services.BuildServiceProvider();
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
