namespace Posyandu.Conversation.Forms;

/// <summary>All topics, loaded and validated from the catalog folder at start.</summary>
public sealed class FormCatalog
{
    public IReadOnlyList<FormDefinition> Forms => throw new NotImplementedException();

    public FormDefinition? Find(string topic) => throw new NotImplementedException();
}
