using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Posyandu.Bench.LoadDriver;

/// <summary>
/// The physical floor of the database: how many transactions of one single-row INSERT and one UPDATE of that row one
/// connection commits per second, on the disk the bot uses (SQLite in WAL, synchronous=NORMAL and FULL) or on PostgreSQL.
/// </summary>
internal static class DatabaseFloor
{
    private const string Body = "Laporan RTLH: atap rusak berat, dinding papan lapuk, lantai tanah, jamban tidak ada; enam penghuni.";

    public static async Task<double> SqliteAsync(string path, string synchronous, TimeSpan duration)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous};");
        await ExecuteAsync(connection, "CREATE TABLE floor (id INTEGER PRIMARY KEY, body TEXT NOT NULL, n INTEGER NOT NULL)");
        return await MeasureAsync(connection, "INSERT INTO floor (body, n) VALUES (@body, 0) RETURNING id", "UPDATE floor SET n = n + 1 WHERE id = @id", duration);
    }

    /// <summary>The same on PostgreSQL, in a scratch table created for the measurement and dropped after it.</summary>
    public static async Task<double> PostgresAsync(string connectionString, TimeSpan duration)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS load_driver_floor; CREATE TABLE load_driver_floor (id bigserial PRIMARY KEY, body text NOT NULL, n integer NOT NULL)");
        try
        {
            return await MeasureAsync(connection, "INSERT INTO load_driver_floor (body, n) VALUES (@body, 0) RETURNING id", "UPDATE load_driver_floor SET n = n + 1 WHERE id = @id", duration);
        }
        finally
        {
            await ExecuteAsync(connection, "DROP TABLE IF EXISTS load_driver_floor");
        }
    }

    private static async Task<double> MeasureAsync(DbConnection connection, string insertSql, string updateSql, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var transactions = 0;
        while (clock.Elapsed < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = Command(connection, transaction, insertSql, ("body", Body));
            var id = Convert.ToInt64(await insert.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await using var update = Command(connection, transaction, updateSql, ("id", id));
            await update.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            transactions++;
        }

        return transactions / clock.Elapsed.TotalSeconds;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, (string Name, object Value) parameter)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = parameter.Name;
        p.Value = parameter.Value;
        command.Parameters.Add(p);
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
