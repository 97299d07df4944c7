namespace Posyandu.Conversation.Dialog;

/// <summary>Everything the dialog remembers about one person between messages; stored as JSON by the caller.</summary>
public sealed class Session
{
}
