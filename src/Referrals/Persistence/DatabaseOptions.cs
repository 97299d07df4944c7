namespace Posyandu.Referrals.Persistence;

/// <summary>Which database to use: <c>Database:Provider</c> (<c>Sqlite</c> or <c>Postgres</c>) and <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public string Provider { get; set; } = Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/posyandu.db";
}
