using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// The built host as an operator runs it, in a child process (<c>dotnet Posyandu.Bot.Host.dll</c>) configured by
/// environment variables only, on a free 127.0.0.1 port; its output is kept for the test's failure message.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private HostProcess(Process process, ConcurrentQueue<string> output, string baseUrl)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
    }

    /// <summary>The host's dll as the build copies it next to the tests, or null when it is not there.</summary>
    public static string? Dll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Posyandu.Bot.Host.dll");
            return File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")) ? dll : null;
        }
    }

    public string BaseUrl { get; }

    /// <summary>What the host wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the host and waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<HostProcess> StartAsync(string workFolder, IReadOnlyDictionary<string, string> environment, ConcurrentQueue<string> output)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll ?? throw new InvalidOperationException("Posyandu.Bot.Host.dll is not next to the tests."));
        // Production, as an operator runs it; only what the test sets, not the test runner's environment.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, output, baseUrl);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                host.Dispose();
                throw new InvalidOperationException($"The host stopped at start (exit {process.ExitCode}):\n{host.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl + "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting.
            }

            await Task.Delay(50);
        }

        host.Dispose();
        throw new TimeoutException($"The host did not answer /healthz within {StartTimeout.TotalSeconds:0} s:\n{host.Output}");
    }

    /// <summary>SIGKILL: the process dies on the spot, whatever it was doing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A fact that starts the built host as a child process: skipped, with the reason in the test's name, when the host's dll
/// is not next to the tests (xunit 2 decides skips at discovery).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HostProcessFactAttribute : FactAttribute
{
    public HostProcessFactAttribute([CallerMemberName] string test = "")
    {
        if (HostProcess.Dll is null)
        {
            Skip = $"Posyandu.Bot.Host.dll and its runtimeconfig are not in {AppContext.BaseDirectory}";
            // dotnet test's console prints a skipped test's name but not its reason, so the name carries the reason.
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}
