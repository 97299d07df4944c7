namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>A catalog expression that cannot be parsed or evaluated.</summary>
public sealed class ExpressionException(string message) : Exception(message);
