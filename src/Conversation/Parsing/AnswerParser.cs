using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>The outcome of reading one answer: the answer, or a polite hint in Indonesian saying what is expected.</summary>
public sealed record ParseResult(Answer? Answer, string? Problem)
{
    public bool Ok => Answer is not null;
    public static ParseResult Accept(Answer answer) => new(answer, null);
    public static ParseResult Refuse(string problem) => new(null, problem);
}

/// <summary>Reads what a kader typed (or pressed, or sent) as the answer to one field, the Indonesian way.</summary>
public static class AnswerParser
{
    /// <summary>Parses <paramref name="message"/> for <paramref name="field"/>. Global words (batal, lewati…) are not handled here.</summary>
    public static ParseResult Parse(FieldDefinition field, Inbound message, DateOnly today) =>
        throw new NotImplementedException();
}
