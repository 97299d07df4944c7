namespace Posyandu.Bench.LoadDriver;

/// <summary>The database floor of this run: SQLite with synchronous=NORMAL and FULL in the work folder, and PostgreSQL when given.</summary>
internal sealed record Floor(double SqliteNormal, double SqliteFull, double? Postgres)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    /// <summary>Measured before the host starts, so nothing else of this run competes for the disk.</summary>
    public static async Task<Floor> MeasureAsync(DriverOptions options, Report report)
    {
        var path = Path.Combine(options.WorkFolder, "floor.db");
        var normal = await DatabaseFloor.SqliteAsync(path, "NORMAL", Duration);
        var full = await DatabaseFloor.SqliteAsync(path, "FULL", Duration);
        double? postgres = options.Postgres is { } connectionString ? await DatabaseFloor.PostgresAsync(connectionString, Duration) : null;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var floor = new Floor(normal, full, postgres);
        report.Floor(floor);
        return floor;
    }
}
