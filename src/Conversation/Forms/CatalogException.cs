namespace Posyandu.Conversation.Forms;

/// <summary>A catalog file that cannot be used; the message is one line naming the file and the field.</summary>
public sealed class CatalogException(string message) : Exception(message);
