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
    public static ParseResult Parse(FieldDefinition field, Inbound message, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(message);

        if (field.Type == FieldType.Photo)
        {
            return PhotoAnswer.Parse(field, message);
        }

        if (field.Type == FieldType.Location)
        {
            return LocationAnswer.Parse(field, message);
        }

        if (message.Kind == InboundKind.Choice)
        {
            return field.Type is FieldType.Choice or FieldType.Multi or FieldType.YesNo
                ? ButtonAnswer.Parse(field, message.ChoiceData ?? "")
                : ParseResult.Refuse($"Tombol itu untuk pertanyaan sebelumnya. {Hint(field, today)}");
        }

        if (message.Kind != InboundKind.Text)
        {
            return ParseResult.Refuse($"Mohon jawab dengan mengetik. {Hint(field, today)}");
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return ParseResult.Refuse(Hint(field, today));
        }

        var text = message.Text;
        return field.Type switch
        {
            FieldType.Text => TextAnswer.Parse(field, text),
            FieldType.Integer or FieldType.Decimal => NumberAnswer.Parse(field, text),
            FieldType.YesNo => YesNoAnswer.Parse(field, text),
            FieldType.Choice => ChoiceAnswer.Parse(field, text),
            FieldType.Multi => MultiAnswer.Parse(field, text),
            FieldType.Date => DateAnswer.Parse(field, text, today),
            FieldType.Phone => PhoneAnswer.Parse(field, text),
            FieldType.Nik => NikAnswer.Parse(field, text),
            FieldType.RtRw => RtRwAnswer.Parse(field, text),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Unknown field type."),
        };
    }

    /// <summary>
    /// Button data for option <paramref name="number"/> (1-based) of <paramref name="field"/>: <c>c:atap:3</c>.
    /// Yes/no fields use 1 for ya and 2 for tidak.
    /// </summary>
    public static string ChoiceButtonData(string field, int number) => ButtonAnswer.Data(field, number);

    /// <summary>What the kader should send for <paramref name="field"/>, with an example, in one or two short sentences.</summary>
    public static string Hint(FieldDefinition field, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type switch
        {
            FieldType.Text => TextAnswer.Hint(field),
            FieldType.Integer or FieldType.Decimal => NumberAnswer.Hint(field),
            FieldType.YesNo => YesNoAnswer.Hint(field),
            FieldType.Choice => ChoiceAnswer.Hint(field),
            FieldType.Multi => MultiAnswer.Hint(field),
            FieldType.Date => DateAnswer.Hint(field, today),
            FieldType.Phone => PhoneAnswer.Hint(field),
            FieldType.Nik => NikAnswer.Hint(field),
            FieldType.RtRw => RtRwAnswer.Hint(field),
            FieldType.Photo => PhotoAnswer.Hint(field),
            FieldType.Location => LocationAnswer.Hint(field),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Unknown field type."),
        };
    }
}
