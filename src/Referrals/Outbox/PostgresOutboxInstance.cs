using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Posyandu.Referrals.Outbox;

/// <summary>
/// Several host processes share one PostgreSQL database: each holds a session advisory lock on (<see cref="LockSpace"/>,
/// its id) on a connection of its own for its whole life. The server drops the lock the moment the process dies and its
/// connection closes, so a lease whose owner holds no such lock belongs to a dead process and is freed by the next sweep.
/// </summary>
public sealed class PostgresOutboxInstance(string connectionString, ILogger<PostgresOutboxInstance> logger) : OutboxInstance, IAsyncDisposable, IDisposable
{
    /// <summary>The first key of the two-key advisory lock ("Outb"); the two-key form never meets a one-key (bigint) lock.</summary>
    public const int LockSpace = 0x4F757462;

    private const int IdAttempts = 5;

    // Pooling off: the lock lives exactly as long as this physical connection, and a pool would reset it on return.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        ApplicationName = "posyandu-outbox-instance",
    }.ConnectionString;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _connection;

    public override async Task HoldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { State: ConnectionState.Open })
            {
                await AcquireAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task<int> ReleaseDeadLeasesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Run on the lock's own connection: a lost connection (and with it the lock) shows up here every minute and is
            // taken again, before other instances free this one's leases for long.
            try
            {
                return await ReleaseAsync(cancellationToken);
            }
            catch (NpgsqlException ex) when (_connection is not { State: ConnectionState.Open })
            {
                logger.LogWarning("Outbox instance {Id}: lock connection lost ({Error}); taking the lock again", Id, ex.Message);
                await AcquireAsync(cancellationToken);
                return await ReleaseAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _gate.Dispose();
    }

    private async Task<int> ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_connection is not { State: ConnectionState.Open })
        {
            await AcquireAsync(cancellationToken);
        }

        await using var release = new NpgsqlCommand(
            """
            UPDATE "Outbox" SET "LeaseUntil" = NULL
            WHERE "LeaseUntil" IS NOT NULL AND "LeaseOwner" IS NOT NULL AND "LeaseOwner" <> @id
              AND NOT EXISTS (
                SELECT 1 FROM pg_locks l
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid = @space::oid AND l.objid = "Outbox"."LeaseOwner"::oid)
            """, _connection);
        release.Parameters.AddWithValue("id", Id);
        release.Parameters.AddWithValue("space", LockSpace);
        return await release.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Opens the lock's connection and takes the lock; a new id when a live instance happens to hold this one.</summary>
    private async Task AcquireAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        for (var attempt = 0; attempt < IdAttempts; attempt++)
        {
            var connection = new NpgsqlConnection(_connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, @id)", connection);
                take.Parameters.AddWithValue("space", LockSpace);
                take.Parameters.AddWithValue("id", Id);
                if (await take.ExecuteScalarAsync(cancellationToken) is true)
                {
                    _connection = connection;
                    return;
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            await connection.DisposeAsync();
            logger.LogWarning("Outbox instance id {Id} is held by another live instance; choosing another", Id);
            Id = NewId();
        }

        throw new InvalidOperationException($"No free outbox instance id after {IdAttempts} tries.");
    }
}
