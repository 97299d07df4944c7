using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>One option of a choice field, by number, label, alias, unambiguous prefix or word; a button press is <see cref="ButtonAnswer"/>.</summary>
internal static class ChoiceAnswer
{
    public static ParseResult Parse(FieldDefinition field, string text)
    {
        var match = OptionMatcher.Find(field.Options, text);
        if (match.Index is { } index)
        {
            return ParseResult.Accept(new Answer { Options = [field.Options[index].Value] });
        }

        return ParseResult.Refuse(Refusal(field, text, match, Hint(field)));
    }

    public static string Hint(FieldDefinition field) =>
        $"Mohon pilih salah satu dengan mengetik nomornya:\n{OptionMatcher.List(field.Options)}";

    /// <summary>
    /// Why <paramref name="text"/> was refused: an ambiguous word lists only the options it may mean; an unknown word or
    /// number says so, then <paramref name="hint"/> lists every option.
    /// </summary>
    internal static string Refusal(FieldDefinition field, string text, OptionMatch match, string hint)
    {
        if (match.Ambiguous)
        {
            return $"“{Quote(text)}” cocok dengan lebih dari satu pilihan. Mohon ketik nomornya:\n{OptionMatcher.List(field.Options, match.Candidates)}";
        }

        return match.OutOfRangeNumber is { } number
            ? $"Pilihan nomor {number} tidak ada. {hint}"
            : $"Maaf, “{Quote(text)}” tidak ada di pilihan. {hint}";
    }

    private static string Quote(string text)
    {
        var collapsed = InputText.Collapse(text);
        return collapsed.Length <= 30 ? collapsed : collapsed[..30] + "…";
    }
}
