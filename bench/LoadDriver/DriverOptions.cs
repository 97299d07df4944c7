using System.Globalization;
using Npgsql;

namespace Posyandu.Bench.LoadDriver;

/// <summary>The command line: how many kader, how many concurrent connections, how long, and where the host and PostgreSQL are.</summary>
internal sealed record DriverOptions(int Kader, int Connections, int Seconds, string HostDll, string? Postgres, string WorkFolder, bool Keep)
{
    public const string Usage = """
        Pemakaian: dotnet run -c Release --project bench/LoadDriver -- [--kader N] [--connections C] [--seconds D]
                   [--host PATH/Posyandu.Bot.Host.dll] [--postgres "Host=127.0.0.1;Username=…;Password=…;Database=…"]
                   [--work FOLDER] [--keep]
          --kader        simulated kader in the generated roster (default 2000)
          --connections  concurrent webhook connections (default 64)
          --seconds      length of the measured window (default 20)
          --host         the built host (default: src/Bot.Host/bin/Release, else Debug, of this repository)
          --postgres     also measure the PostgreSQL floor on this (local) server; the driver writes one scratch table
          --work         folder for the database, media and logs (default: a new temp folder, deleted afterwards)
          --keep         keep the work folder
        """;

    private static readonly string[] Configurations = ["Release", "Debug"];

    /// <summary>Reads the flags; null (and a reason on <paramref name="problem"/>) when they make no sense.</summary>
    public static DriverOptions? Parse(string[] args, out string problem)
    {
        problem = "";
        int kader = 2000, connections = 64, seconds = 20;
        string? host = null, postgres = null, work = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                keep = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{name} needs a value";
                return null;
            }

            var value = args[++i];
            var ok = name switch
            {
                "--kader" => TryPositive(value, 1_000_000, out kader),
                "--connections" => TryPositive(value, 4096, out connections),
                "--seconds" => TryPositive(value, 3600, out seconds),
                "--host" => Set(value, out host),
                "--postgres" => Set(value, out postgres),
                "--work" => Set(value, out work),
                _ => false,
            };
            if (!ok)
            {
                problem = $"{name} {value}: unknown flag or bad value";
                return null;
            }
        }

        host ??= FindHost();
        if (host is null || !File.Exists(host))
        {
            problem = $"host not found ({host ?? "src/Bot.Host/bin/*/net10.0/Posyandu.Bot.Host.dll"}); build it first (dotnet build -c Release src/Bot.Host) or pass --host";
            return null;
        }

        if (postgres is not null && !IsLocal(postgres, out problem))
        {
            return null;
        }

        work ??= Path.Combine(Path.GetTempPath(), "posyandu-load-" + Guid.NewGuid().ToString("N")[..8]);
        return new DriverOptions(kader, connections, seconds, Path.GetFullPath(host), postgres, Path.GetFullPath(work), keep);
    }

    private static bool TryPositive(string value, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= 1 && result <= max;

    private static bool Set(string value, out string? target)
    {
        target = value;
        return value.Length > 0;
    }

    // The driver talks to this machine only: the host it starts, its own fake Bot API and a local database server.
    private static bool IsLocal(string connectionString, out string problem)
    {
        problem = "";
        try
        {
            var host = new NpgsqlConnectionStringBuilder(connectionString).Host ?? "";
            if (host is "localhost" or "127.0.0.1" or "::1" || host.StartsWith('/'))
            {
                return true;
            }

            problem = $"--postgres must point at this machine (localhost, 127.0.0.1 or a socket folder), not '{host}'";
        }
        catch (ArgumentException exception)
        {
            problem = $"--postgres: {exception.Message}";
        }

        return false;
    }

    // The repository root is found upwards from the driver's own folder (bench/LoadDriver/bin/…).
    private static string? FindHost()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Posyandu.Bot.sln")))
            {
                continue;
            }

            return Configurations
                .Select(c => Path.Combine(folder.FullName, "src", "Bot.Host", "bin", c, "net10.0", "Posyandu.Bot.Host.dll"))
                .FirstOrDefault(File.Exists);
        }

        return null;
    }
}
