using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Posyandu.Bench.LoadDriver;

/// <summary>
/// The built host as a child process (<c>dotnet Posyandu.Bot.Host.dll</c>) in the work folder, configured by environment
/// variables only; its output goes to a log file there. Killed, with anything it started, when disposed.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<PosixSignalRegistration> _signals = [];

    private HostProcess(Process process, StreamWriter log, string baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>From the process start to the first 200 of <c>/healthz</c>.</summary>
    public TimeSpan StartUp { get; private set; }

    /// <summary>Runs a host command (such as <c>roster import FILE</c>) to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string hostDll, string workFolder, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        using var process = new Process { StartInfo = StartInfo(hostDll, workFolder, environment, arguments) };
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"stopped after {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts the bot on a free 127.0.0.1 port and waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<HostProcess> StartAsync(string hostDll, string workFolder, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var withUrl = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = baseUrl };
        var log = new StreamWriter(Path.Combine(workFolder, "host.log")) { AutoFlush = true };
        var process = new Process { StartInfo = StartInfo(hostDll, workFolder, withUrl, []) };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, log, baseUrl);
        // Ctrl-C or a kill of the driver must not leave a bot running; the signal then ends the driver as usual.
        host._signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => host.KillNow()));
        host._signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => host.KillNow()));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host stopped at start (exit {process.ExitCode}); see {Path.Combine(workFolder, "host.log")}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl + "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    host.StartUp = clock.Elapsed;
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            await Task.Delay(20);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"the host did not answer /healthz within {StartTimeout.TotalSeconds:0} s; see {Path.Combine(workFolder, "host.log")}");
    }

    /// <summary>Resident memory (VmRSS) and its peak (VmHWM) of the host process, in MiB, from /proc.</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = $"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(status))
        {
            return (double.NaN, double.NaN);
        }

        double Read(string key) => File.ReadLines(status)
            .Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024)
            .DefaultIfEmpty(double.NaN)
            .First();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Left to the operating system.
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void KillNow()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static ProcessStartInfo StartInfo(string hostDll, string workFolder, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
