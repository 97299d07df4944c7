using System.Diagnostics;
using Posyandu.Bench.LoadDriver;

// The load driver: measures the built host black-box through its real HTTP pipeline (Kestrel, webhook, dedupe, session,
// outbox, Hangfire) against a fast fake Bot API, next to the raw database floor on the same disk. See docs/performance.md.
var options = DriverOptions.Parse(args, out var problem);
if (options is null)
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(DriverOptions.Usage);
    return 2;
}

Directory.CreateDirectory(options.WorkFolder);
var report = new Report(Console.Out);
report.Machine(options);
try
{
    var floor = await Floor.MeasureAsync(options, report);

    const string token = "123456789:LOADdriverTOKENforTHEfakeBOTapi";
    const string secret = "load-driver-secret";
    var roster = Roster.Generate(options.Kader);
    var rosterPath = Path.Combine(options.WorkFolder, "roster.csv");
    await File.WriteAllTextAsync(rosterPath, roster.Csv);

    await using var botApi = await FakeBotApi.StartAsync(token);
    var environment = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(options.WorkFolder, "posyandu.db")}",
        ["Database__Provider"] = "Sqlite",
        ["Hangfire__Storage"] = "InMemory",
        ["Telegram__BotToken"] = token,
        ["Telegram__Mode"] = "Webhook",
        ["Telegram__WebhookSecret"] = secret,
        ["Telegram__WebhookUrl"] = "",
        ["Telegram__ApiBaseUrl"] = botApi.BaseUrl,
        // Telegram's own limits are not what is measured: lifted (the keys are ignored by a host that lacks them).
        ["Telegram__Pacing__PerSecond"] = "0",
        ["Telegram__Pacing__PerChatPerSecond"] = "0",
        ["Demo__Enabled"] = "false",
        ["Media__Path"] = Path.Combine(options.WorkFolder, "media"),
        ["Logging__LogLevel__Default"] = "Warning",
    };

    var import = Stopwatch.StartNew();
    var (exitCode, output) = await HostProcess.RunCommandAsync(options.HostDll, options.WorkFolder, environment, TimeSpan.FromMinutes(30), "roster", "import", rosterPath);
    if (exitCode != 0)
    {
        await Console.Error.WriteLineAsync($"roster import failed (exit {exitCode}):\n{output}");
        return 1;
    }

    report.Import(roster, import.Elapsed, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "");

    await using var host = await HostProcess.StartAsync(options.HostDll, options.WorkFolder, environment);
    report.StartUp(host);

    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };
    var run = new LoadRun(http, botApi, host.BaseUrl + "/webhooks/telegram", secret, options.Connections);

    var linked = await run.LinkAsync(roster.Officials.Concat(roster.Kader), TimeSpan.FromMinutes(10));
    report.Phase("linking (each person shares their contact once)", linked);

    var load = await run.ReportAsync(roster.Kader, TimeSpan.FromSeconds(options.Seconds));
    report.Phase($"RTLH reports for {options.Seconds} s", load);
    report.Result(options, load, host, floor, botApi);
    return load.Unanswered == 0 && linked.Unanswered == 0 && !linked.TimedOut ? 0 : 1;
}
finally
{
    if (!options.Keep)
    {
        TryDelete(options.WorkFolder);
    }
}

static void TryDelete(string folder)
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
        // A file still held open by the stopped host: the temp folder is cleaned by the system later.
    }
}
