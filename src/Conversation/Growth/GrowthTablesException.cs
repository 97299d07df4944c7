namespace Posyandu.Conversation.Growth;

/// <summary>The WHO growth tables could not be read; the message is the one line to print at start.</summary>
public sealed class GrowthTablesException(string message, Exception? inner = null) : Exception(message, inner);
