using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals.Deadlines;
using Microsoft.Extensions.Options;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reminders;
using Posyandu.Referrals.Roster;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// Hangfire as the clock and the worker pool: outbox retries (a delayed job; deliveries right away go through
/// <see cref="OutboxPump"/>), referral deadlines (a delayed job at
/// each due moment), the reminder schedules (one recurring job per kind and time zone, its cron in that zone), and the
/// outbox, deadline and reminder sweeps every minute and at start.
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

        services.AddSingleton<OutboxPump>();
        services.AddSingleton<IOutboxScheduler>(provider => provider.GetRequiredService<OutboxPump>());
        services.AddHostedService(provider => provider.GetRequiredService<OutboxPump>());
        services.AddTransient<OutboxDeliveryJob>();
        services.AddTransient<OutboxSweepJob>();
        services.AddSingleton<IDeadlineScheduler, HangfireDeadlineScheduler>();
        services.AddTransient<ReferralDeadlineJob>();
        services.AddTransient<DeadlineSweepJob>();
        services.AddTransient<ReminderJob>();
        services.AddTransient<ReminderSweepJob>();
        return builder;
    }

    /// <summary>
    /// Registers the minutely sweeps and runs them once now, so whatever was pending before a restart goes out and every
    /// deadline that passed meanwhile is kept (late, once) while the later ones are scheduled again.
    /// </summary>
    public static WebApplication ScheduleJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<OutboxSweepJob>(OutboxSweepJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<DeadlineSweepJob>(DeadlineSweepJob.RecurringId, job => job.RunAsync(false, CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<ReminderSweepJob>(ReminderSweepJob.RecurringId, job => job.RunAsync(false, CancellationToken.None), Cron.Minutely());
        var reminders = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            foreach (var zone in WilayahTimeZone.All)
            {
                var zoneName = zone.StandardName;
                recurring.AddOrUpdate<ReminderJob>(ReminderJob.RecurringId(kind, zone), job => job.RunAsync(kind, zoneName, CancellationToken.None),
                    reminders.CronOf(kind), new RecurringJobOptions { TimeZone = zone });
            }
        }

        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<OutboxSweepJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<DeadlineSweepJob>(job => job.RunAsync(true, CancellationToken.None));
        jobs.Enqueue<ReminderSweepJob>(job => job.RunAsync(true, CancellationToken.None));
        return app;
    }

    private static PostgreSqlStorage CreatePostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
