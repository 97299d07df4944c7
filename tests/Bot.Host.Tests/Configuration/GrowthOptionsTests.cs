using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Conversation.Growth;

namespace Posyandu.Bot.Host.Tests.Configuration;

/// <summary><c>Growth:TablesPath</c>: empty is fine (no z-scores), a readable WHO folder is loaded, anything else stops the start.</summary>
public sealed class GrowthOptionsTests
{
    // The WHO tables beside the repository (../shared/data/who-growth); never copied into it.
    private static readonly string WhoFolder = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", "who-growth"));

    [Fact]
    public void No_path_means_no_tables()
    {
        using var services = Build(null);

        Assert.Null(services.CheckConfiguration());
        Assert.Null(services.GetService<GrowthStandards>());
    }

    [Fact]
    public void A_folder_with_whos_tables_is_read_once_at_start()
    {
        using var services = Build(WhoFolder);

        Assert.Null(services.CheckConfiguration());
        var tables = services.GetRequiredService<GrowthStandards>();
        Assert.Same(services.GetRequiredService<IOptions<GrowthOptions>>().Value.Tables, tables);
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
