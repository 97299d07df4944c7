using System.Globalization;
using System.Runtime.InteropServices;

namespace Posyandu.Bench.LoadDriver;

/// <summary>Prints the run as it goes: the machine, the floor, the import, the start-up, each phase, and the summary with shares of the floor.</summary>
internal sealed class Report(TextWriter output)
{
    public void Machine(DriverOptions options)
    {
        Line($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Line($"run: {options.Kader} kader, {options.Connections} connections, {options.Seconds} s; host {options.HostDll}");
        Line($"work folder: {options.WorkFolder}");
    }

    public void Floor(Floor floor)
    {
        Line($"floor SQLite WAL synchronous=NORMAL: {floor.SqliteNormal:N0} tx/s (one connection, INSERT + UPDATE of one row per transaction)");
        Line($"floor SQLite WAL synchronous=FULL:   {floor.SqliteFull:N0} tx/s");
        if (floor.Postgres is { } postgres)
        {
            Line($"floor PostgreSQL:                    {postgres:N0} tx/s");
        }
    }

    public void Import(Roster roster, TimeSpan elapsed, string summary) =>
        Line($"roster import: {roster.Kader.Count + roster.Officials.Count} lines ({roster.Kader.Count} kader, {roster.Officials.Count} officials) in {elapsed.TotalSeconds:N1} s — {summary.Trim()}");

    public void StartUp(HostProcess host)
    {
        var (rss, _) = host.Memory();
        Line($"host start-up: {host.StartUp.TotalSeconds:N2} s to the first /healthz 200; memory {rss:N0} MiB");
    }

    public void Phase(string name, PhaseResult phase)
    {
        Line($"{name}: {phase.Posts} webhook calls ({phase.Posts - phase.Ok} not 200), {phase.Answered} answered, {phase.Unanswered} unanswered{(phase.TimedOut ? " (STOPPED AT ITS TIME LIMIT)" : "")}");
        Line($"  webhook latency ms p50 {phase.Webhook.P50:N1}, p95 {phase.Webhook.P95:N1}, p99 {phase.Webhook.P99:N1}, max {phase.Webhook.Max:N1}");
        Line($"  reply latency ms (webhook call to reply at the Bot API) p50 {phase.Reply.P50:N1}, p95 {phase.Reply.P95:N1}, p99 {phase.Reply.P99:N1}");
    }

    public void Result(DriverOptions options, PhaseResult load, HostProcess host, Floor floor, FakeBotApi botApi)
    {
        var (rss, peak) = host.Memory();
        Line($"");
        Line($"== result: {options.Kader} kader, {options.Connections} connections, {options.Seconds} s ==");
        Line($"inbound messages/s handled end to end: {load.AnsweredPerSecond:N0} ({load.Answered} answered in {load.Total.TotalSeconds:N1} s, {load.Unanswered} unanswered, {load.Reports} reports confirmed)");
        Line($"HTTP requests/s:                       {load.RequestsPerSecond:N0}");
        Line($"webhook latency ms:                    p50 {load.Webhook.P50:N1}, p95 {load.Webhook.P95:N1}, p99 {load.Webhook.P99:N1}");
        Line($"outbound deliveries/s:                 {load.DeliveriesPerSecond:N0} ({load.Deliveries} sendMessage/sendPhoto)");
        Line($"host memory:                           {rss:N0} MiB resident, peak {peak:N0} MiB");
        Line($"host start-up:                         {host.StartUp.TotalSeconds:N2} s");
        var postgres = floor.Postgres is { } onPostgres ? $", {Share(load, onPostgres)} of PostgreSQL" : "";
        Line($"share of the floor:                    {Share(load, floor.SqliteNormal)} of SQLite NORMAL, {Share(load, floor.SqliteFull)} of SQLite FULL{postgres}");
        if (botApi.Unknown.Count > 0)
        {
            Line($"Bot API methods the fake does not know (answered 404): {string.Join(", ", botApi.Unknown.Select(u => $"{u.Key} ×{u.Value}"))}");
        }
    }

    private static string Share(PhaseResult load, double floor) =>
        (load.AnsweredPerSecond / floor).ToString("P1", CultureInfo.InvariantCulture);

    private void Line(FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
