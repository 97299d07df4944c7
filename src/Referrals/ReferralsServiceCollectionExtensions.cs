using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Growth;
using Posyandu.Referrals.Intake;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.People;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals;

/// <summary>
/// Registers the Referrals area: the database, the form catalog and dialog engine, the inbound pipeline, the outbox,
/// roster import and the read models. The host adds a <see cref="TimeProvider"/>, an <see cref="IOutboxScheduler"/> and
/// the <see cref="IChannelSender"/>s (singletons or transients: everything here is a singleton).
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
        // The WHO growth tables are the host's to load (Growth:TablesPath); without them the z-score rules are left out.
        services.AddSingleton(sp => new DialogEngine(sp.GetRequiredService<FormCatalog>(), sp.GetService<GrowthStandards>()));

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
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<InboundHandler>>()));

        services.AddSingleton<ChannelLinks>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxSweeper>();
        services.AddSingleton<DeliveryReports>();
        services.AddSingleton<OutboxQueries>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<PeopleQueries>();
        services.AddSingleton<RosterImporter>();
        return services;
    }

    private static void AddDatabase(IServiceCollection services, DatabaseOptions db)
    {
        if (string.Equals(db.Provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextFactory<PostgresPosyanduDb>(o => o.UseNpgsql(db.ConnectionString));
            services.AddSingleton<IDbContextFactory<PosyanduDb>>(sp => new PosyanduDbFactory<PostgresPosyanduDb>(sp.GetRequiredService<IDbContextFactory<PostgresPosyanduDb>>()));
        }
        else if (string.Equals(db.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextFactory<SqlitePosyanduDb>(o => o.UseSqlite(db.ConnectionString));
            services.AddSingleton<IDbContextFactory<PosyanduDb>>(sp => new PosyanduDbFactory<SqlitePosyanduDb>(sp.GetRequiredService<IDbContextFactory<SqlitePosyanduDb>>()));
        }
        else
        {
            throw new ArgumentException($"Database:Provider harus 'Sqlite' atau 'Postgres', bukan '{db.Provider}'.", nameof(db));
        }

        services.AddScoped<PosyanduDb>(sp => sp.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContext());
    }
}
