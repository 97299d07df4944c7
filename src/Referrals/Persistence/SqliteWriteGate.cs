using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Posyandu.Referrals.Persistence;

/// <summary>
/// Queues this process's SQLite writers asynchronously, one at a time. SQLite lets one connection write at a time; another
/// that tries meanwhile gets SQLITE_BUSY, and Microsoft.Data.Sqlite then blocks its thread and retries the statement every
/// 150 ms, while a transaction that read before another writer committed cannot write at all until it times out. Under load
/// that turned a few milliseconds of work into seconds. A transaction holds the gate from its start until it commits, rolls
/// back or its connection closes; a write outside a transaction (a lone UPDATE) holds it for that statement. Reads outside
/// a transaction never wait (WAL lets them run beside the writer).
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>As long as Microsoft.Data.Sqlite's own wait for a busy database (its default command timeout).</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Hold> _holds = [];
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _transactions = [];

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, HoldKind.Transaction);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, HoldKind.Transaction, cancellationToken);
        return result;
    }

    /// <summary>Remembers the transaction's connection: once committed, a SQLite transaction no longer names it.</summary>
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transactions.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    /// <summary>An INSERT … RETURNING stays a write until its reader is done.</summary>
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback (an exception on the way) ends when its connection closes.</summary>
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    public void Dispose() => _gate.Dispose();

    private void LeaveTransaction(DbTransaction transaction)
    {
        if (_transactions.TryGetValue(transaction, out var connection))
        {
            _transactions.Remove(transaction);
            Leave(connection);
        }
    }

    private void EnterForStatement(DbCommand command)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!, HoldKind.Statement);
        }
    }

    private async ValueTask EnterForStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command))
        {
            await EnterAsync(command.Connection!, HoldKind.Statement, cancellationToken);
        }
    }

    private void LeaveStatement(DbCommand command)
    {
        if (command.Connection is { } connection && _holds.TryGetValue(connection, out var hold) && hold.Kind == HoldKind.Statement)
        {
            Leave(connection);
        }
    }

    /// <summary>A write that runs in SQLite's implicit transaction: no transaction of ours, and this connection holds nothing yet.</summary>
    private bool IsLoneWrite(DbCommand command) =>
        command.Transaction is null
        && command.Connection is { } connection
        && !(_holds.TryGetValue(connection, out var hold) && hold.Kind != HoldKind.None)
        && WriteVerbs.Any(verb => command.CommandText.AsSpan().TrimStart().StartsWith(verb, StringComparison.OrdinalIgnoreCase));

    private void Enter(DbConnection connection, HoldKind kind)
    {
        if (!_gate.Wait(MaxWait))
        {
            throw TimedOut();
        }

        _holds.AddOrUpdate(connection, new Hold(kind));
    }

    private async ValueTask EnterAsync(DbConnection connection, HoldKind kind, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(MaxWait, cancellationToken))
        {
            throw TimedOut();
        }

        _holds.AddOrUpdate(connection, new Hold(kind));
    }

    /// <summary>Releases what this connection holds, once; a connection holding nothing is left alone.</summary>
    private void Leave(DbConnection connection)
    {
        if (_holds.TryGetValue(connection, out var hold) && hold.Kind != HoldKind.None)
        {
            hold.Kind = HoldKind.None;
            _gate.Release();
        }
    }

    private static TimeoutException TimedOut() =>
        new($"Waited {MaxWait.TotalSeconds:0} s for the SQLite database to be free for writing; another write holds it.");

    private enum HoldKind
    {
        None,
        Transaction,
        Statement,
    }

    private sealed class Hold(HoldKind kind)
    {
        public HoldKind Kind { get; set; } = kind;
    }
}
