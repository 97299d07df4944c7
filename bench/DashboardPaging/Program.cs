using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bench.DashboardPaging;
using Posyandu.Referrals;
using Posyandu.Referrals.Dashboard;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Roster;

// The report list's paging over a large table: the dashboard's list for a Kepala Desa, a Camat and the DPMD, and the
// JSON API's list as a baseline, on a temp SQLite file migrated with the real schema. See docs/performance.md.
// Usage: [--reports N] [--iterations N] (defaults 100000 and 20).
var reportCount = Option("--reports", 100_000);
var iterations = Option("--iterations", 20);
const int warmup = 3;
var cancel = CancellationToken.None;

var folder = Path.Combine(Path.GetTempPath(), "posyandu-dashboard-paging", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var database = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "posyandu.db")}" };
var scheduling = new NoScheduling();
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<IOutboxScheduler>(scheduling);
services.AddSingleton<IDeadlineScheduler>(scheduling);
services.AddReferrals(database, new MediaOptions { Path = Path.Combine(folder, "media") });

try
{
    await using (var provider = services.BuildServiceProvider())
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {RuntimeInformation.ProcessArchitecture}; database {folder}"));
        var clock = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(provider, cancel);
        var import = await provider.GetRequiredService<RosterImporter>().ImportAsync(new StringReader(Seed.RosterCsv()), cancel);
        if (import.Refused > 0)
        {
            throw new InvalidOperationException($"The roster was refused on {import.Refused} lines.");
        }

        var dbFactory = provider.GetRequiredService<IDbContextFactory<PosyanduDb>>();
        await Seed.ReportsAsync(dbFactory, reportCount, DateTimeOffset.UtcNow, cancel);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {reportCount:N0} reports with their referrals in {clock.Elapsed.TotalSeconds:F1} s; {iterations} timed calls per case after {warmup} warm-up calls."));

        var viewers = await ViewersAsync(provider, dbFactory);
        var dashboard = provider.GetRequiredService<DashboardReports>();
        var api = provider.GetRequiredService<ReportQueries>();
        var results = new List<CaseResult>();
        foreach (var (label, viewer) in viewers)
        {
            foreach (var bidang in new string?[] { null, "KS" })
            {
                var first = await dashboard.ListAsync(viewer, new DashboardFilter(Bidang: bidang), cancel);
                foreach (var (where, page) in Pages(first.Total, first.PageSize))
                {
                    var name = $"dashboard, {label}, {(bidang is null ? "all bidang" : "bidang " + bidang)}, {where} page ({page})";
                    results.Add(await Measure.CaseAsync(name, async () => (await dashboard.ListAsync(viewer, new DashboardFilter(Bidang: bidang, Page: page), cancel)).Total, warmup, iterations));
                }
            }
        }

        foreach (var bidang in new string?[] { null, "KS" })
        {
            var first = await api.ListAsync(new ReportFilter(Bidang: bidang), cancel);
            foreach (var (where, page) in Pages(first.Total, first.PageSize))
            {
                var name = $"JSON API, {(bidang is null ? "all bidang" : "bidang " + bidang)}, {where} page ({page})";
                results.Add(await Measure.CaseAsync(name, async () => (await api.ListAsync(new ReportFilter(Bidang: bidang, Page: page), cancel)).Total, warmup, iterations));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| case | reports matched | mean ms | p95 ms | p95 under 200 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var result in results)
        {
            Console.WriteLine(Measure.Row(result));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total run {clock.Elapsed.TotalSeconds:F1} s."));
        return results.All(r => r.P95 < Measure.BudgetMs) ? 0 : 1;
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

// The first, a middle and the last page of a list of `total` reports.
static IEnumerable<(string Where, int Page)> Pages(int total, int size)
{
    var last = Math.Max(1, (total + size - 1) / size);
    return [("first", 1), ("middle", Math.Max(1, last / 2)), ("last", last)];
}

// The Kepala Desa of the first desa, the Camat of its kecamatan and the DPMD, as the dashboard finds them at sign-in.
static async Task<List<(string Label, DashboardViewer Viewer)>> ViewersAsync(IServiceProvider provider, IDbContextFactory<PosyanduDb> dbFactory)
{
    await using var db = await dbFactory.CreateDbContextAsync();
    var kades = await db.People.Where(p => p.Peran == Peran.Kades).OrderBy(p => p.KodeWilayah).FirstAsync();
    var camat = await db.People.Where(p => p.Peran == Peran.Camat).OrderBy(p => p.KodeWilayah).FirstAsync();
    var dpmd = await db.People.SingleAsync(p => p.Peran == Peran.Dpmd);
    var find = provider.GetRequiredService<DashboardViewers>();
    var list = new List<(string, DashboardViewer)>();
    foreach (var (label, person) in new[] { ("KADES", kades), ("CAMAT", camat), ("DPMD", dpmd) })
    {
        list.Add((label, await find.FindAsync(person.Id, CancellationToken.None) ?? throw new InvalidOperationException($"{label} is no dashboard viewer.")));
    }

    return list;
}
