namespace Posyandu.Conversation.Tests.Forms;

/// <summary>A catalog folder in the temp directory, written by a test and removed afterwards.</summary>
internal sealed class TempCatalog : IDisposable
{
    public TempCatalog()
    {
        Folder = Path.Combine(Path.GetTempPath(), "posyandu-catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public TempCatalog With(string file, string json)
    {
        File.WriteAllText(Path.Combine(Folder, file), json);
        return this;
    }

    /// <summary>The shipped common.json, so a new topic gets the same common fields as in production.</summary>
    public TempCatalog WithShippedCommon() =>
        With("common.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "forms", "common.json")));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
