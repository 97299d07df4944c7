using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Posyandu.Conversation;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Intake;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Tests.Postgres;

namespace Posyandu.Referrals.Tests.Support;

/// <summary>
/// The Referrals area as the host wires it, on a real SQLite file in a temp folder (or the database given), with fakes
/// only at the edge: the channel senders, the job scheduler and the clock.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>Thursday 20 November 2025, 11:00 WITA.</summary>
    public static readonly DateTimeOffset Start = new(2025, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private int _messageCounter;

    private readonly DatabaseOptions _database;

    private TestHost(string folder, DatabaseOptions database, ServiceProvider services, FakeTimeProvider clock, FakeScheduler scheduler, ListLoggerProvider logs, FakeSender telegram, FakeSender simulator)
    {
        Folder = folder;
        _database = database;
        Services = services;
        Clock = clock;
        Scheduler = scheduler;
        Logs = logs;
        Telegram = telegram;
        Simulator = simulator;
    }

    public string Folder { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public FakeScheduler Scheduler { get; }
    public FakeDeadlineScheduler Deadlines => (FakeDeadlineScheduler)Get<IDeadlineScheduler>();
    public ListLoggerProvider Logs { get; }
    public FakeSender Telegram { get; }
    public FakeSender Simulator { get; }

    /// <summary>
    /// Starts on a fresh SQLite file (a fresh PostgreSQL database when <see cref="OnPostgres"/>, unless
    /// <paramref name="sqliteOnly"/>: a test of SQLite's own rules), or on <paramref name="database"/> when given (an empty
    /// database); <paramref name="configure"/> adjusts the services (options, channel paces, a channel's sender).
    /// </summary>
    public static async Task<TestHost> StartAsync(bool demoRoster = true, DatabaseOptions? database = null, Action<IServiceCollection>? configure = null,
        bool sqliteOnly = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "posyandu-referrals-tests", Guid.NewGuid().ToString("N"));
        database ??= OnPostgres && !sqliteOnly
            ? new DatabaseOptions { Provider = DatabaseOptions.Postgres, ConnectionString = await new PostgresServer().CreateDatabaseAsync() }
            : new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(folder, "db", "posyandu.db")}" };
        var clock = new FakeTimeProvider(Start);
        var scheduler = new FakeScheduler();
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IOutboxScheduler>(scheduler);
        services.AddSingleton<IDeadlineScheduler>(new FakeDeadlineScheduler());
        services.AddReferrals(
            database,
            new MediaOptions { Path = Path.Combine(folder, "media") });
        var telegram = new FakeSender("telegram");
        var simulator = new FakeSender("simulator");
        services.AddSingleton<IChannelSender>(telegram);
        services.AddSingleton<IChannelSender>(simulator);
        // Last, so that a test may register its own sender for a channel (the dispatcher takes a channel's last one).
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var host = new TestHost(folder, database, provider, clock, scheduler, logs, telegram, simulator);
        await DatabaseSetup.MigrateAsync(provider, CancellationToken.None);
        if (demoRoster)
        {
            var result = await host.ImportAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "roster-demo.csv")));
            Assert.Equal(0, result.Refused);
        }

        return host;
    }

    /// <summary>
    /// <c>POSYANDU_TEST_DATABASE=Postgres</c> runs every test that does not name its database on a fresh database of the
    /// test PostgreSQL server instead of a SQLite file: the same suite against the other provider.
    /// </summary>
    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("POSYANDU_TEST_DATABASE"), DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public PosyanduDb Db() => Get<IDbContextFactory<PosyanduDb>>().CreateDbContext();

    public Task<RosterImportResult> ImportAsync(string csv) => Get<RosterImporter>().ImportAsync(new StringReader(csv), CancellationToken.None);

    /// <summary>Hands one message from a chat to the inbound pipeline, as a channel adapter would.</summary>
    public Task<InboundOutcome> SendAsync(string address, Inbound? message, PhoneClaim? claim = null, string channel = "telegram", string? messageId = null) =>
        Get<InboundHandler>().HandleAsync(
            new InboundEnvelope(channel, address, messageId ?? $"u{Interlocked.Increment(ref _messageCounter)}", message, claim),
            CancellationToken.None);

    public Task<InboundOutcome> SayAsync(string address, string text, string channel = "telegram") => SendAsync(address, Inbound.OfText(text), channel: channel);

    /// <summary>The person shares their own contact: links the chat.</summary>
    public Task<InboundOutcome> LinkAsync(string address, string phone, string channel = "telegram") =>
        SendAsync(address, null, new PhoneClaim(phone, Verified: true), channel);

    /// <summary>What the bot queued for one chat, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxView>> OutboxAsync(string address, string channel = "telegram") =>
        await Get<OutboxQueries>().ForAddressAsync(channel, address, 0, CancellationToken.None);

    public async Task<IReadOnlyList<Reply>> RepliesAsync(string address, string channel = "telegram") =>
        (await OutboxAsync(address, channel)).Select(o => o.Reply).ToList();

    public async Task<Reply> LastReplyAsync(string address, string channel = "telegram") => (await RepliesAsync(address, channel))[^1];

    public async Task<Person> PersonAsync(string phone)
    {
        await using var db = Db();
        return await db.People.SingleAsync(p => p.Phone == phone);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_database.Provider != DatabaseOptions.Postgres)
        {
            // This test's pool only: clearing every pool would dispose connections the tests running beside it are using.
            await using var sqlite = new SqliteConnection(_database.ConnectionString);
            SqliteConnection.ClearPool(sqlite);
        }
        else
        {
            // Closes this test's idle connections so the server is not left holding them.
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail a test.
        }
    }
}
