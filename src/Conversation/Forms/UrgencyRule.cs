namespace Posyandu.Conversation.Forms;

/// <summary>One urgency rule: when <see cref="When"/> holds (and no earlier rule did), the report has <see cref="Level"/>.</summary>
public sealed record UrgencyRule(Urgency Level, string When);
