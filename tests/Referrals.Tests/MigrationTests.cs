using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

public class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_capture_the_whole_model()
    {
        using var db = new SqlitePosyanduDb(new DbContextOptionsBuilder<SqlitePosyanduDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run `dotnet run --project tools/Migrations -- add <Name>`.");
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }

    [Fact]
    public void Postgres_migrations_capture_the_whole_model()
    {
        using var db = new PostgresPosyanduDb(new DbContextOptionsBuilder<PostgresPosyanduDb>().UseNpgsql("Host=localhost;Database=posyandu").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run `dotnet run --project tools/Migrations -- add <Name>`.");
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_creates_the_database_file_and_its_folder()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false, sqliteOnly: true);
        Assert.True(File.Exists(Path.Combine(host.Folder, "db", "posyandu.db")));
        await using var db = host.Db();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(await host.Get<Roster.RosterImporter>().HasPeopleAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Times_are_stored_so_that_sqlite_orders_and_filters_them()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        await using (var db = host.Db())
        {
            db.Inbound.AddRange(
                new InboundRecord { Channel = "t", PlatformMessageId = "late", ReceivedAt = new DateTimeOffset(2025, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)) },
                new InboundRecord { Channel = "t", PlatformMessageId = "early", ReceivedAt = new DateTimeOffset(2025, 11, 20, 3, 0, 0, TimeSpan.Zero) });
            await db.SaveChangesAsync();
        }

        await using var read = host.Db();
        var cutoff = new DateTimeOffset(2025, 11, 20, 1, 30, 0, TimeSpan.Zero);
        var ordered = await read.Inbound.Where(i => i.ReceivedAt > cutoff).OrderBy(i => i.ReceivedAt).Select(i => i.PlatformMessageId).ToListAsync();
        // 10:00 at UTC+8 is 02:00 UTC: earlier than 03:00 UTC.
        Assert.Equal(["late", "early"], ordered);
    }

    [Fact]
    public async Task A_concurrent_change_to_a_session_is_detected_not_overwritten()
    {
        await using var host = await TestHost.StartAsync();
        var siti = await host.PersonAsync("+6281251234501");
        await using (var db = host.Db())
        {
            db.Sessions.Add(new SessionRecord { PersonId = siti.Id, Json = "{}", UpdatedAt = TestHost.Start });
            await db.SaveChangesAsync();
        }

        await using var first = host.Db();
        await using var second = host.Db();
        var mine = await first.Sessions.SingleAsync();
        var theirs = await second.Sessions.SingleAsync();
        mine.Json = "{\"mode\":\"topics\"}";
        await first.SaveChangesAsync();
        Assert.Equal(1, mine.Version);

        theirs.Json = "{\"mode\":\"form\"}";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var read = host.Db();
        Assert.Equal("{\"mode\":\"topics\"}", (await read.Sessions.SingleAsync()).Json);
    }
}
