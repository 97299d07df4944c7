using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Posyandu.Referrals.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for the test run: initdb in a temp folder, started with pg_ctl on a free loopback port,
/// stopped and deleted when the test process exits (not when one collection of tests is done: with
/// <c>POSYANDU_TEST_DATABASE=Postgres</c> every test uses it). Started once per process, lazily, so
/// <see cref="PostgresFactAttribute"/> can skip the tests with the reason when this machine cannot run one.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Instance> Shared = new(Instance.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Why the server could not be started here, or null when it runs.</summary>
    public static string? Failure => Shared.Value.Failure;

    private readonly Instance _instance = Shared.Value;

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var instance = _instance;
        if (instance.Failure is not null)
        {
            throw new InvalidOperationException($"PostgreSQL could not be started here: {instance.Failure}");
        }

        var name = $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(instance.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return instance.ConnectionString(name);
    }

    private sealed class Instance
    {
        private const string RunAs = "nobody";
        private readonly object _gate = new();
        private string? _folder;
        private string? _pgCtl;
        private string? _runUser;
        private int _port;
        private bool _running;

        public string? Failure { get; private set; }

        public string ConnectionString(string database) =>
            new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = _port,
                Username = "postgres",
                Database = database,
                Timeout = 30,
                CommandTimeout = 60,
            }.ConnectionString;

        public static Instance Start()
        {
            var instance = new Instance();
            try
            {
                instance.StartServer();
            }
#pragma warning disable CA1031 // Whatever stops the server from starting becomes the visible skip reason.
            catch (Exception e)
#pragma warning restore CA1031
            {
                instance.Failure = e.Message;
                instance.Stop();
                var message = $"PostgreSQL could not be started here, the PostgreSQL tests are skipped: {e.Message}";
                Console.Error.WriteLine(message);
                Console.WriteLine(message);
            }

            return instance;
        }

        private void StartServer()
        {
            var initdb = FindBinary("initdb") ?? throw new InvalidOperationException("initdb not found (PATH, /usr/local/bin, /usr/lib/postgresql/*/bin).");
            _pgCtl = FindBinary("pg_ctl", Path.GetDirectoryName(initdb)) ?? throw new InvalidOperationException("pg_ctl not found next to initdb or on PATH.");

            // PostgreSQL refuses to run as root, so under root (as in CI) it runs as an unprivileged user.
            if (Environment.UserName == "root")
            {
                _runUser = FindBinary("runuser") ?? FindBinary("su")
                    ?? throw new InvalidOperationException($"running as root and neither runuser nor su is there, so the server cannot run as '{RunAs}'.");
            }

            _folder = Path.Combine(Path.GetTempPath(), $"posyandu-pg-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_folder);
            if (_runUser is not null)
            {
                Run("chown", [RunAs, _folder], asServerUser: false);
                Run("chmod", ["700", _folder], asServerUser: false);
            }

            var data = Path.Combine(_folder, "data");
            Run(initdb, ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asServerUser: true);

            // A port found free may be taken before the server binds it: try a few.
            var errors = new List<string>();
            for (var attempt = 0; attempt < 3; attempt++)
            {
                _port = FreePort();
                var options = string.Create(
                    CultureInfo.InvariantCulture,
                    $"-h 127.0.0.1 -p {_port} -k '{_folder}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
                try
                {
                    Run(_pgCtl, ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30", "-o", options, "start"], asServerUser: true);
                    _running = true;
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
                    return;
                }
                catch (InvalidOperationException e)
                {
                    errors.Add(e.Message);
                }
            }

            throw new InvalidOperationException(string.Join(" | ", errors));
        }

        public void Stop()
        {
            lock (_gate)
            {
                if (_running && _pgCtl is not null && _folder is not null)
                {
                    _running = false;
                    try
                    {
                        Run(_pgCtl, ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], asServerUser: true);
                    }
                    catch (InvalidOperationException e)
                    {
                        Console.Error.WriteLine($"Stopping the test PostgreSQL server failed: {e.Message}");
                    }
                }

                if (_folder is not null && Directory.Exists(_folder))
                {
                    try
                    {
                        Directory.Delete(_folder, recursive: true);
                    }
                    catch (IOException)
                    {
                        // A temp folder left behind must not fail the run.
                    }
                    catch (UnauthorizedAccessException)
                    {
                    }
                }
            }
        }

        private void Run(string file, IReadOnlyList<string> arguments, bool asServerUser)
        {
            var start = new ProcessStartInfo
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = _folder ?? Path.GetTempPath(),
            };
            if (asServerUser && _runUser is not null && Path.GetFileName(_runUser) == "su")
            {
                // su takes one shell command line: every argument single-quoted.
                start.FileName = _runUser;
                var command = string.Join(' ', arguments.Prepend(file).Select(a => $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
                foreach (var argument in new[] { "-s", "/bin/sh", RunAs, "-c", command })
                {
                    start.ArgumentList.Add(argument);
                }
            }
            else
            {
                var prefix = asServerUser && _runUser is not null ? new[] { "-u", RunAs, "--", file } : [];
                start.FileName = prefix.Length > 0 ? _runUser! : file;
                foreach (var argument in prefix.Concat(arguments))
                {
                    start.ArgumentList.Add(argument);
                }
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{Path.GetFileName(file)} timed out.");
            }

            if (process.ExitCode != 0)
            {
                var log = _folder is null ? "" : Path.Combine(_folder, "server.log");
                var tail = File.Exists(log) ? string.Join(" / ", File.ReadLines(log).TakeLast(5)) : "";
                throw new InvalidOperationException(
                    $"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result.Trim()} {stdout.Result.Trim()} {tail}".Trim());
            }
        }

        private static string? FindBinary(string name, string? preferred = null)
        {
            var folders = new List<string>();
            if (preferred is not null)
            {
                folders.Add(preferred);
            }

            folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
            folders.Add("/usr/local/bin");
            folders.Add("/usr/sbin");
            if (Directory.Exists("/usr/lib/postgresql"))
            {
                // Newest version first.
                folders.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin")));
            }

            return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
