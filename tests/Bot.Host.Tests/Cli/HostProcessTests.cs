using System.Diagnostics;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Cli;

/// <summary>
/// The built program as an operator starts it (<c>dotnet Posyandu.Bot.Host.dll …</c>, Production defaults): a bad setting
/// stops it with one line, the roster command imports and exits without a web server, bad usage says how.
/// </summary>
public sealed class HostProcessTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "posyandu-process-" + Guid.NewGuid().ToString("N"));

    public HostProcessTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_bad_setting_stops_the_process_with_one_line_naming_the_key()
    {
        var run = await RunAsync([], new() { ["Telegram__BotToken"] = "123456:abc", ["Telegram__Mode"] = "Hook" });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Konfigurasi salah: Telegram:Mode harus 'Webhook' atau 'Polling'"], run.ErrorLines);
        Assert.Empty(run.OutputLines);
        Assert.False(File.Exists(Path.Combine(_folder, "posyandu.db")));
    }

    [Fact]
    public async Task Roster_import_prints_the_lines_and_a_total_and_exits_without_serving()
    {
        var csv = Path.Combine(_folder, "roster.csv");
        await File.WriteAllTextAsync(csv, "\uFEFFperan,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang\n" +
            "KADER,Siti Rahmah,0812-5123-4501,64.02.01.2001,Perian,Posyandu Melati,12,PR\n" +
            "KADES,Abdul Rahman,0813-5111-0001,64.02.01.2001,Perian,,,\n" +
            "CAMAT,Tanpa Nomor,,64.02.01,Muara Muntai,,,\n");

        var run = await RunAsync(["roster", "import", csv], []);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.OutputLines.Count);
        Assert.StartsWith("baris 2: dibuat Siti Rahmah", run.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("baris 3: dibuat Abdul Rahman", run.OutputLines[1], StringComparison.Ordinal);
        Assert.StartsWith("baris 4: DITOLAK Tanpa Nomor", run.OutputLines[2], StringComparison.Ordinal);
        Assert.Equal("Jumlah: 3 baris; 2 dibuat, 0 diperbarui, 0 tidak berubah, 1 ditolak", run.OutputLines[3]);
        Assert.DoesNotContain(run.OutputLines, l => l.Contains("51234501", StringComparison.Ordinal) || l.Contains("Now listening", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_folder, "posyandu.db")));

        var again = await RunAsync(["roster", "import", csv], []);
        Assert.Equal("Jumlah: 3 baris; 0 dibuat, 0 diperbarui, 2 tidak berubah, 1 ditolak", again.OutputLines[^1]);
    }

    [Fact]
    public async Task A_missing_roster_file_exits_with_1()
    {
        var run = await RunAsync(["roster", "import", "tidak-ada.csv"], []);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(_folder, "tidak-ada.csv"), Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_usage_exits_with_2_and_the_usage()
    {
        var run = await RunAsync(["roster", "impor", "a.csv"], []);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("roster import FILE.csv", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_graph_prints_one_topic_as_mermaid_without_settings_or_database()
    {
        var run = await RunAsync(["forms", "graph", "pr-rtlh"], []);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ErrorLines);
        Assert.StartsWith("%% PR-RTLH", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal("stateDiagram-v2", run.OutputLines[1]);
        Assert.Contains(run.OutputLines, l => l.Contains("ringkasan --> terkirim", StringComparison.Ordinal));
        Assert.DoesNotContain(run.OutputLines, l => l.StartsWith("%% ", StringComparison.Ordinal) && !l.StartsWith("%% PR-RTLH", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(_folder, "posyandu.db")));
    }

    [Fact]
    public async Task Forms_graph_of_an_unknown_topic_lists_the_topics_and_exits_with_2()
    {
        var run = await RunAsync(["forms", "graph", "PR-RUMAH"], []);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.OutputLines);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Topik 'PR-RUMAH' tidak ada di katalog. Topik yang tersedia: ", line, StringComparison.Ordinal);
        Assert.Contains("PR-RTLH", line, StringComparison.Ordinal);
        Assert.Contains("SO-KEKERASAN", line, StringComparison.Ordinal);
    }

    private async Task<ProcessRun> RunAsync(string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Posyandu.Bot.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Production, as an operator runs it; only what the test sets, not the test runner's environment.
        foreach (var key in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(key);
        }

        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_folder, "posyandu.db")}";
        start.Environment["Media__Path"] = Path.Combine(_folder, "media");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(process.ExitCode, Lines(await output), Lines(await error));
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    public void Dispose()
    {
        SqlitePools.Clear(_folder);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder; harmless.
        }
    }

    private sealed record ProcessRun(int ExitCode, List<string> OutputLines, List<string> ErrorLines);
}
