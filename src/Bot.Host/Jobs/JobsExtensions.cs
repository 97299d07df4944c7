using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// Hangfire as the clock and the worker pool: outbox deliveries (now or scheduled) and the outbox sweep every minute.
/// Storage is in memory by default (the database is the source of truth, the sweep rebuilds the work after a restart)
/// or PostgreSQL (<c>Hangfire:Storage=Postgres</c>).
/// </summary>
internal static class JobsExtensions
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var storage = StorageSettings.Read(builder.Configuration);
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);

        // The storage and the activator belong to this host's container rather than to Hangfire's process-wide statics,
        // so two hosts in one process (the integration tests) never run each other's jobs.
        services.AddSingleton<JobStorage>(_ => storage.UsesPostgresJobs ? CreatePostgresStorage(storage.ConnectionString) : new InMemoryStorage());
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogBridge(provider.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer(options =>
        {
            // Scheduled retries (retry_after of a few seconds) go out on time.
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            options.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });

        services.AddSingleton<IOutboxScheduler, HangfireOutboxScheduler>();
        services.AddTransient<OutboxDeliveryJob>();
        services.AddTransient<OutboxSweepJob>();
        return builder;
    }

    /// <summary>Registers the minutely outbox sweep and runs it once now, so whatever was pending before a restart goes out.</summary>
    public static WebApplication ScheduleJobs(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OutboxSweepJob>(OutboxSweepJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<OutboxSweepJob>(job => job.RunAsync(CancellationToken.None));
        return app;
    }

    private static PostgreSqlStorage CreatePostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
