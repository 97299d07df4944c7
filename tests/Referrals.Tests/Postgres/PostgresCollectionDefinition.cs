namespace Posyandu.Referrals.Tests.Postgres;

/// <summary>The tests that share the one test PostgreSQL server; it is stopped when they are done.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresServer>
{
    public const string Name = "Postgres";
}
