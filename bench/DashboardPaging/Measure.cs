using System.Diagnostics;
using System.Globalization;

namespace Posyandu.Bench.DashboardPaging;

/// <summary>One measured case: what was asked, how many reports matched, and the time of each timed call.</summary>
internal sealed record CaseResult(string Name, int Total, IReadOnlyList<double> Milliseconds)
{
    public double Mean => Milliseconds.Average();

    /// <summary>Nearest-rank 95th percentile.</summary>
    public double P95
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            return sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
        }
    }
}

/// <summary>Times a call: a few untimed warm-up calls (query compilation, page cache), then the timed ones one after another.</summary>
internal static class Measure
{
    public const double BudgetMs = 200;

    public static async Task<CaseResult> CaseAsync(string name, Func<Task<int>> call, int warmup, int iterations)
    {
        var total = 0;
        for (var i = 0; i < warmup; i++)
        {
            total = await call();
        }

        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            total = await call();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new CaseResult(name, total, times);
    }

    public static string Row(CaseResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {result.Name} | {result.Total:N0} | {result.Mean:F1} | {result.P95:F1} | {(result.P95 < BudgetMs ? "yes" : "NO")} |");
}
