using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary>Takes a test host's SQLite file away: a folder takes its name, so nothing can open or recreate it.</summary>
internal static class BrokenDatabase
{
    /// <summary>One attempt (background work may hold the file open; call it until it returns true).</summary>
    public static bool Break(string folder)
    {
        var database = Path.Combine(folder, "posyandu.db");
        SqlitePools.Clear(folder);
        try
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }

            Directory.CreateDirectory(database);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
