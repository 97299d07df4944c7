using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Posyandu.Referrals.Persistence;

/// <summary>Brings the database to the current schema at start.</summary>
public static class DatabaseSetup
{
    /// <summary>Creates the SQLite file's folder when needed and applies every pending migration.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<IDbContextFactory<PosyanduDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            EnsureFolder(db.Database.GetConnectionString());
        }

        else
        {
            // On a new PostgreSQL database EF first reads a history table that is not there yet and logs that failed read
            // as an error (and retries it); creating the empty table first keeps a clean first start clean in the log.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);

        if (sqlite)
        {
            // WAL lets readers (the API, the simulator feed) work while a message is being handled; it is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static void EnsureFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
