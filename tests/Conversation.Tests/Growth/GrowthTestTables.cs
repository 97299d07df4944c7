using System.Runtime.CompilerServices;
using Posyandu.Conversation.Growth;

namespace Posyandu.Conversation.Tests.Growth;

/// <summary>
/// The WHO tables the tests read, from <c>../shared/data/who-growth</c> beside the repository (never copied into it);
/// the <c>WHO_GROWTH_TABLES</c> environment variable may point elsewhere.
/// </summary>
internal static class GrowthTestTables
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("WHO_GROWTH_TABLES") is { Length: > 0 } path
        ? path
        : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "who-growth"));

    public static GrowthStandards Standards { get; } = GrowthStandards.Load(Folder);

    // This file sits in tests/Conversation.Tests/Growth.
    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
