using System.Runtime.CompilerServices;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Dialog;

/// <summary>Where the test data of this folder lives: read from the source tree, so transcripts can be updated in place.</summary>
internal static class TestFiles
{
    public static string DialogFolder { get; } = Folder();

    public static string TranscriptFolder => Path.Combine(DialogFolder, "Transcripts");

    /// <summary>The shipped catalog, as copied to the test output (the same files the host loads).</summary>
    public static FormCatalog DefaultCatalog { get; } = FormCatalog.LoadDefault();

    /// <summary>Extra catalogs for behaviour the shipped topics do not exercise (showIf, multi, dates), under Dialog/Catalogs.</summary>
    public static FormCatalog Catalog(string name) =>
        name == "default" ? DefaultCatalog : FormCatalog.Load(Path.Combine(DialogFolder, "Catalogs", name));

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
