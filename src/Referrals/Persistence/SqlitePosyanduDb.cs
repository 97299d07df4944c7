using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Posyandu.Referrals.Persistence;

/// <summary>The SQLite flavour of <see cref="PosyanduDb"/> (the embedded default); owns the migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqlitePosyanduDb(DbContextOptions<SqlitePosyanduDb> options) : PosyanduDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date type: EF would store text it cannot compare or order. UTC ticks order and compare exactly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
