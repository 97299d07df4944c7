using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Posyandu.Referrals.Persistence;

/// <summary>The PostgreSQL flavour of <see cref="PosyanduDb"/>; owns the migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresPosyanduDb(DbContextOptions<PostgresPosyanduDb> options) : PosyanduDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Npgsql writes timestamptz only from UTC values; normalising here keeps a stray local offset from failing a save.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);
}
