using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Persistence;

/// <summary>The database and the photo folder: registers the Referrals services and brings the schema up to date at start.</summary>
internal static class PersistenceExtensions
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        // Read here because the provider is chosen while registering; a bad value is reported by CheckConfiguration before any use.
        var storage = StorageSettings.Read(builder.Configuration);
        var database = new DatabaseOptions
        {
            Provider = storage.UsesPostgresDatabase ? DatabaseOptions.Postgres : DatabaseOptions.Sqlite,
            ConnectionString = storage.ConnectionString,
        };
        builder.Services.AddReferrals(database, new MediaOptions { Path = storage.MediaPath });
        return builder;
    }

    /// <summary>Applies pending migrations (and creates the SQLite file's folder) before anything reads the database.</summary>
    public static Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken) =>
        DatabaseSetup.MigrateAsync(app.Services, cancellationToken);
}
