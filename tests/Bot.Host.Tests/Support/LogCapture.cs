using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>Keeps every log entry a host writes, so a test can prove nothing went wrong quietly and nothing secret was logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    /// <summary>
    /// Fails with the offending entries when anything was logged at Error or above. Hangfire's own log is left out: it is
    /// process-wide, so with several test hosts it lands in whichever started last (failed jobs are checked per host instead).
    /// </summary>
    public void AssertNoErrors()
    {
        var errors = Entries.Where(e => e.Level >= LogLevel.Error && !e.Category.StartsWith("Hangfire", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "Error log entries:\n" + string.Join("\n", errors));
    }

    /// <summary>Fails when any entry (message or exception text) contains <paramref name="secret"/>.</summary>
    public void AssertNeverLogged(string secret)
    {
        var leaks = Entries.Where(e => e.ToString().Contains(secret, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Logged a secret:\n" + string.Join("\n", leaks));
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One captured log entry.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"[{Level}] {Category}: {Message} {Exception}";
}
