using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary><c>/healthz</c> names each check (database, migrations, job storage); one failing makes it a 503 naming it. No key needed.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthy_when_every_check_passes()
    {
        using var host = new TelegramTestHost();

        var (status, body) = await HealthAsync(host);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("HEALTHY", (string?)body["status"]);
        Assert.Equal(["database", "migrations", "jobs"], Checks(body).Select(c => c.Name));
        Assert.All(Checks(body), c => Assert.Equal("HEALTHY", c.Status));
    }

    [Fact]
    public async Task Unavailable_naming_the_database_when_it_is_gone()
    {
        using var host = new TelegramTestHost();
        _ = host.Services;
        // Background work may reopen the file in between, hence the retries.
        await Eventually.True(() => BrokenDatabase.Break(host.Folder), "the database file replaced by a folder");

        // A background job (the outbox or deadline sweep) may still hold a connection to the deleted file, which Linux
        // keeps readable; once it is back in the pool and cleared, every check sees the file gone.
        var status = HttpStatusCode.OK;
        var body = new JsonObject();
        await Eventually.True(async () =>
        {
            SqlitePools.Clear(host.Folder);
            (status, body) = await HealthAsync(host);
            return Checks(body).Any(c => c is { Name: "database", Status: "UNHEALTHY" });
        }, "the database check to see the file gone");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("UNHEALTHY", (string?)body["status"]);
        Assert.Contains(("database", "UNHEALTHY"), Checks(body).Select(c => (c.Name, c.Status)));
        Assert.Contains(("jobs", "HEALTHY"), Checks(body).Select(c => (c.Name, c.Status)));
        Assert.DoesNotContain(host.Folder, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unavailable_naming_the_migrations_when_one_is_not_applied()
    {
        using var host = new TelegramTestHost();
        _ = host.Services;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(host.Folder, "posyandu.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var (status, body) = await HealthAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal([("database", "HEALTHY"), ("migrations", "UNHEALTHY"), ("jobs", "HEALTHY")], Checks(body).Select(c => (c.Name, c.Status)));
        Assert.Contains("migrasi", Checks(body)[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unavailable_naming_the_job_storage_when_it_does_not_answer()
    {
        using var storage = new UnreachableMonitoring();
        using var host = new TelegramTestHost();
        using var factory = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<JobStorage>(storage)));
        using var client = factory.CreateClient();
        storage.Unreachable = true;

        using var response = await client.GetAsync("/healthz");
        var (status, body) = (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal([("database", "HEALTHY"), ("migrations", "HEALTHY"), ("jobs", "UNHEALTHY")], Checks(body).Select(c => (c.Name, c.Status)));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> HealthAsync(TelegramTestHost host)
    {
        using var response = await host.Http.GetAsync("/healthz");
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private static List<(string Name, string Status, string Description)> Checks(JsonObject body) =>
        [.. body["checks"]!.AsArray().Select(c => ((string)c!["name"]!, (string)c["status"]!, (string?)c["description"] ?? ""))];

    /// <summary>In-memory job storage whose monitoring API stops answering on demand, as a lost PostgreSQL server would.</summary>
    private sealed class UnreachableMonitoring : JobStorage, IDisposable
    {
        private readonly InMemoryStorage _inner = new();

        public bool Unreachable { get; set; }

        public override bool LinearizableReads => _inner.LinearizableReads;

        public override IMonitoringApi GetMonitoringApi() =>
            Unreachable ? throw new InvalidOperationException("job storage unreachable") : _inner.GetMonitoringApi();

        public override IStorageConnection GetConnection() => _inner.GetConnection();

        public override IStorageConnection GetReadOnlyConnection() => _inner.GetReadOnlyConnection();

        public override bool HasFeature(string featureId) => _inner.HasFeature(featureId);

        public void Dispose() => _inner.Dispose();
    }
}
