using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Api;

/// <summary>The database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<PosyanduDb> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // CanConnect alone would create an empty SQLite file where the database went missing; a query proves the schema is there.
        await db.Wilayah.AsNoTracking().AnyAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}

/// <summary>Every migration this build knows is applied (a database restored from an older backup fails here).</summary>
internal sealed class MigrationsHealthCheck(IDbContextFactory<PosyanduDb> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migrasi belum diterapkan: {string.Join(", ", pending)}");
    }
}

/// <summary>Hangfire's job storage answers (the outbox is delivered through it).</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers().Count;
        return Task.FromResult(HealthCheckResult.Healthy($"{servers} server Hangfire"));
    }
}
