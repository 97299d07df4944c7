using Microsoft.Data.Sqlite;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// Closes the pooled connections to one test's database file. Never every pool: tests run in parallel, and clearing
/// another test's pool disposes connections it is about to use.
/// </summary>
public static class SqlitePools
{
    public static void Clear(string folder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "posyandu.db")}");
        SqliteConnection.ClearPool(connection);
    }
}
