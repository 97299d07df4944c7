using System.Runtime.CompilerServices;

namespace Posyandu.Conversation.Tests.Growth;

/// <summary>The folder of the WHO tables shipped in the repository, for tests that read them as files (Growth:TablesPath).</summary>
internal static class GrowthTestTables
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot(), "src", "Conversation", "Growth", "Tables"));

    // This file sits in tests/Conversation.Tests/Growth.
    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
