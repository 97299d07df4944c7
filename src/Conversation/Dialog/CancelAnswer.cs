using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Parsing;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Dialog;

/// <summary>The yes/no answer to "batalkan laporan ini?", read with the same Indonesian yes/no words and buttons as any question.</summary>
internal static class CancelAnswer
{
    private static readonly FieldDefinition Field = new()
    {
        Name = FormMachine.CancelConfirmation,
        Type = FieldType.YesNo,
        Label = DialogTexts.ButtonBatal,
        Question = DialogTexts.CancelQuestion,
    };

    public static string YesData => AnswerParser.ChoiceButtonData(Field.Name, 1);

    public static string NoData => AnswerParser.ChoiceButtonData(Field.Name, 2);

    /// <summary>True = cancel, false = keep going, null = not a yes or no.</summary>
    public static bool? Read(Inbound message, DateOnly today) => AnswerParser.Parse(Field, message, today).Answer?.Yes;
}
