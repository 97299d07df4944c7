using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Referrals.Persistence;

/// <summary>The PostgreSQL flavour of <see cref="PosyanduDb"/>; owns the migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresPosyanduDb(DbContextOptions<PostgresPosyanduDb> options) : PosyanduDb(options)
{
    /// <summary>
    /// A transaction-scoped advisory lock on the chat's key: another instance handling a message of the same chat waits
    /// here until this transaction commits or rolls back, so a chat's messages are handled one at a time on every instance.
    /// </summary>
    public override async Task LockChatAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        var key = ChatLockKey.Of(chat);
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

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
