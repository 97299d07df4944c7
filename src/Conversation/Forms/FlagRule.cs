namespace Posyandu.Conversation.Forms;

/// <summary>A flag raised when <see cref="When"/> holds; <see cref="Label"/> may hold <c>{name}</c> placeholders filled from answers and derived values.</summary>
public sealed record FlagRule(string Code, string When, string Label);
