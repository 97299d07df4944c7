using Microsoft.EntityFrameworkCore;

namespace Posyandu.Referrals.Persistence;

/// <summary>Hands out the configured provider's context as a <see cref="PosyanduDb"/>, so the rest of the code never names a provider.</summary>
internal sealed class PosyanduDbFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PosyanduDb>
    where TContext : PosyanduDb
{
    public PosyanduDb CreateDbContext() => inner.CreateDbContext();
}
