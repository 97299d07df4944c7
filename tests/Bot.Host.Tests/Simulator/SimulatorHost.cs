using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Simulator;

/// <summary>
/// The real host (real HTTP pipeline, real Hangfire in memory, real SQLite file in a temp folder) with the demo roster
/// loaded and the simulator on; Telegram stays off; the reports API is open to <see cref="ApiKey"/>.
/// </summary>
public sealed class SimulatorHost : WebApplicationFactory<Program>
{
    public const string ApiKey = "simulator-test-key-0123456789abcdef0123456789";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posyandu-simulator-" + Guid.NewGuid().ToString("N"));

    public string MediaFolder => Path.Combine(_folder, "media");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "posyandu.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Hangfire:Storage", "InMemory");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Media:Path", MediaFolder);
        builder.UseSetting("Telegram:BotToken", "");
        builder.UseSetting("Admin:ApiKey", ApiKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqlitePools.Clear(_folder);
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
