using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Growth;
using Posyandu.Referrals.Dashboard;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Intake;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.People;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reminders;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Routing;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals;

/// <summary>
/// Registers the Referrals area: the database, the form catalog and dialog engine, the inbound pipeline, the outbox,
/// deadlines, roster import, the read models and the dashboard's queries and actions. The host adds a <see cref="TimeProvider"/>,
/// an <see cref="IOutboxScheduler"/>, an <see cref="IDeadlineScheduler"/> and the <see cref="IChannelSender"/>s (singletons or
/// transients: everything here is a singleton), and binds <see cref="DeadlineOptions"/> and <see cref="ReminderOptions"/>
/// (their defaults hold otherwise).
/// </summary>
public static class ReferralsServiceCollectionExtensions
{
    public static IServiceCollection AddReferrals(this IServiceCollection services, DatabaseOptions db, MediaOptions media)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(media);

        AddDatabase(services, db);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(media);
        services.AddSingleton<MediaStore>();

        services.AddSingleton(_ => FormCatalog.LoadDefault());
        // The host may register other WHO growth tables (Growth:TablesPath); without them the engine uses the shipped ones.
        services.AddSingleton(sp => new DialogEngine(sp.GetRequiredService<FormCatalog>(), sp.GetService<GrowthStandards>()));

        services.AddOptions<DeadlineOptions>();
        services.AddOptions<ReminderOptions>();
        services.AddSingleton<DeadlinePlanner>();
        services.AddSingleton<ReferralEscalator>();
        services.AddSingleton<ReferralOpener>();
        services.AddSingleton<OfficialCommands>();
        services.AddSingleton<ChatLocks>();
        services.AddSingleton(sp => new InboundHandler(
            sp.GetRequiredService<IDbContextFactory<PosyanduDb>>(),
            sp.GetRequiredService<DialogEngine>(),
            sp.GetRequiredService<ReferralOpener>(),
            sp.GetRequiredService<OfficialCommands>(),
            sp.GetRequiredService<ChatLocks>(),
            sp.GetRequiredService<IOutboxScheduler>(),
            sp.GetRequiredService<IDeadlineScheduler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<InboundHandler>>()));
        services.AddSingleton(sp => new DeadlineRunner(
            sp.GetRequiredService<IDbContextFactory<PosyanduDb>>(),
            sp.GetRequiredService<FormCatalog>(),
            sp.GetRequiredService<ReferralEscalator>(),
            sp.GetRequiredService<IOptions<DeadlineOptions>>(),
            sp.GetRequiredService<IOutboxScheduler>(),
            sp.GetRequiredService<IDeadlineScheduler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeadlineRunner>>()));

        services.AddSingleton<ChannelLinks>();
        services.AddSingleton<OutboxPacer>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxSweeper>();
        services.AddSingleton<DeliveryReports>();
        services.AddSingleton<OutboxQueries>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<PeopleQueries>();
        services.AddSingleton<ReminderQueries>();
        services.AddSingleton<ReminderRunner>();
        services.AddSingleton<ReminderRunQueries>();
        services.AddSingleton<IReminderRunSource>(sp => sp.GetRequiredService<ReminderRunQueries>());
        services.AddSingleton<RosterImporter>();

        services.AddSingleton<SignInCodes>();
        services.AddSingleton<DashboardViewers>();
        services.AddSingleton<DashboardReports>();
        services.AddSingleton<DashboardOverview>();
        services.AddSingleton<DashboardStatistics>();
        services.AddSingleton(sp => new DashboardActions(
            sp.GetRequiredService<IDbContextFactory<PosyanduDb>>(),
            sp.GetRequiredService<OfficialCommands>(),
            sp.GetRequiredService<IOutboxScheduler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DashboardActions>>()));
        services.AddSingleton<DashboardRoster>();
        services.AddSingleton<RoutingGaps>();
        services.AddSingleton<RoutingImporter>();
        services.AddSingleton<IRoutingGapSource, DashboardRoutingGaps>();
        services.AddSingleton<MonthlyRecap>();
        return services;
    }

    private static void AddDatabase(IServiceCollection services, DatabaseOptions db)
    {
        if (string.Equals(db.Provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextFactory<PostgresPosyanduDb>(o => o.UseNpgsql(db.ConnectionString));
            services.AddSingleton<IDbContextFactory<PosyanduDb>>(sp => new PosyanduDbFactory<PostgresPosyanduDb>(sp.GetRequiredService<IDbContextFactory<PostgresPosyanduDb>>()));
            services.AddSingleton<OutboxInstance>(sp => new PostgresOutboxInstance(db.ConnectionString, sp.GetRequiredService<ILogger<PostgresOutboxInstance>>()));
        }
        else if (string.Equals(db.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            // One gate per process (and so per database file): every context of this process queues its writes at it.
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContextFactory<SqlitePosyanduDb>((sp, o) => o.UseSqlite(db.ConnectionString).AddInterceptors(sp.GetRequiredService<SqliteWriteGate>()));
            services.AddSingleton<IDbContextFactory<PosyanduDb>>(sp => new PosyanduDbFactory<SqlitePosyanduDb>(sp.GetRequiredService<IDbContextFactory<SqlitePosyanduDb>>()));
            services.AddSingleton<OutboxInstance, SqliteOutboxInstance>();
        }
        else
        {
            throw new ArgumentException($"Database:Provider harus 'Sqlite' atau 'Postgres', bukan '{db.Provider}'.", nameof(db));
        }

        services.AddScoped<PosyanduDb>(sp => sp.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContext());
    }
}
