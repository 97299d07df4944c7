using System.Runtime.CompilerServices;

namespace Posyandu.Referrals.Tests.Postgres;

/// <summary>
/// A fact that needs the test PostgreSQL server: skipped, with the reason shown in the test output, when this machine
/// cannot start one (xunit 2 has no skip from inside a test, so the attribute decides at discovery).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute([CallerMemberName] string test = "")
    {
        if (PostgresServer.Failure is { } reason)
        {
            Skip = $"PostgreSQL could not be started here: {reason}";
            // dotnet test's console prints a skipped test's name but not its reason, so the name carries the reason.
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}
