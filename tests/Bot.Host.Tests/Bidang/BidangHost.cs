using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Posyandu.Bot.Host.Tests.Bidang;

/// <summary>
/// The real host as <see cref="Simulator.SimulatorHost"/> runs it (HTTP pipeline, Hangfire in memory, a SQLite file in a
/// temp folder, the demo roster, the simulator on, Telegram off), with the reports API open to <see cref="ApiKey"/>.
/// </summary>
public sealed class BidangHost : WebApplicationFactory<Program>
{
    public const string ApiKey = "bidang-test-key-0123456789abcdef0123456789";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posyandu-bidang-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "posyandu.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Hangfire:Storage", "InMemory");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Media:Path", Path.Combine(_folder, "media"));
        builder.UseSetting("Telegram:BotToken", "");
        builder.UseSetting("Admin:ApiKey", ApiKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; the next run uses a new one.
            }
        }
    }
}
