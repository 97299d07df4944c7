using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary><c>/healthz</c> tells whether the database answers; it needs no key.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthy_when_the_database_answers()
    {
        using var host = new TelegramTestHost();

        using var response = await host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }

    [Fact]
    public async Task Unavailable_when_the_database_is_gone()
    {
        using var host = new TelegramTestHost();
        _ = host.Services;

        // The database file disappears and a folder takes its name, so nothing can open or recreate it. Background work
        // may reopen the file in between, hence the retries.
        var database = Path.Combine(host.Folder, "posyandu.db");
        await Eventually.True(() => ReplaceWithFolder(database), "the database file replaced by a folder");

        using var response = await host.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }

    private static bool ReplaceWithFolder(string database)
    {
        SqliteConnection.ClearAllPools();
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
