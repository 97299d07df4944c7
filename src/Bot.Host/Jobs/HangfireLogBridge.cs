using Hangfire.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// Writes Hangfire's own log (process-wide in Hangfire) to this host's logging. Once the host's logging is disposed it goes
/// quiet instead of throwing, so a stopped host (a restart, a finished test) can never break job creation in a live one.
/// </summary>
internal sealed class HangfireLogBridge(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new BridgeLog(loggers.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new BridgeLog(null);
        }
    }

    private sealed class BridgeLog(ILogger? logger) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string> messageFunc, Exception? exception = null)
        {
            if (logger is null)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                // Without a message Hangfire only asks whether the level is on.
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
