namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>Waits, within a bound, for something the background workers (Hangfire) do.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="probe"/> until it returns a value, or fails after the timeout saying what was awaited.</summary>
    public static async Task<T> Get<T>(Func<T?> probe, string awaited, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {awaited}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Polls an asynchronous <paramref name="probe"/> (a database query) until it returns a value, or fails after the timeout.</summary>
    public static async Task<T> Get<T>(Func<Task<T?>> probe, string awaited, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {awaited}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds, or fails after the timeout.</summary>
    public static async Task True(Func<bool> condition, string awaited, TimeSpan? timeout = null) =>
        await Get(() => condition() ? awaited : null, awaited, timeout);

    /// <summary>Polls an asynchronous <paramref name="condition"/> (a database query) until it holds, or fails after the timeout.</summary>
    public static async Task True(Func<Task<bool>> condition, string awaited, TimeSpan? timeout = null) =>
        await Get(async () => await condition() ? awaited : null, awaited, timeout);
}
