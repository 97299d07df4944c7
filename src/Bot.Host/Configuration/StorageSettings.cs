namespace Posyandu.Bot.Host.Configuration;

/// <summary>
/// Where data lives: <c>ConnectionStrings:Default</c>, <c>Database:Provider</c>, <c>Hangfire:Storage</c> and <c>Media:Path</c>.
/// Read once while the services are registered, and validated at start like every other option.
/// </summary>
internal sealed class StorageSettings
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    public const string InMemory = "InMemory";

    public string ConnectionString { get; set; } = "Data Source=data/posyandu.db";

    public string DatabaseProvider { get; set; } = Sqlite;

    public string HangfireStorage { get; set; } = InMemory;

    public string MediaPath { get; set; } = "data/media";

    public bool UsesPostgresDatabase => string.Equals(DatabaseProvider, Postgres, StringComparison.OrdinalIgnoreCase);

    public bool UsesPostgresJobs => string.Equals(HangfireStorage, Postgres, StringComparison.OrdinalIgnoreCase);

    public static StorageSettings Read(IConfiguration configuration)
    {
        var settings = new StorageSettings();
        settings.ReadFrom(configuration);
        return settings;
    }

    public void ReadFrom(IConfiguration configuration)
    {
        ConnectionString = ValueOr(configuration.GetConnectionString("Default"), ConnectionString);
        DatabaseProvider = ValueOr(configuration["Database:Provider"], DatabaseProvider);
        HangfireStorage = ValueOr(configuration["Hangfire:Storage"], HangfireStorage);
        MediaPath = ValueOr(configuration["Media:Path"], MediaPath);
    }

    private static string ValueOr(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
