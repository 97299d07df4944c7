using System.Globalization;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>Free text: trimmed, whitespace collapsed, between the field's minimum and maximum length (1–500 by default).</summary>
internal static class TextAnswer
{
    private const int DefaultMin = 1;
    private const int DefaultMax = 500;

    public static ParseResult Parse(FieldDefinition field, string text)
    {
        var value = InputText.Collapse(text);
        var length = new StringInfo(value).LengthInTextElements;
        var (min, max) = Limits(field);
        if (length < min)
        {
            return ParseResult.Refuse($"Jawaban terlalu pendek. Mohon tulis paling sedikit {min} huruf{ExampleSuffix(field)}.");
        }

        if (length > max)
        {
            return ParseResult.Refuse($"Jawaban terlalu panjang ({length} huruf). Mohon persingkat menjadi paling banyak {max} huruf.");
        }

        return ParseResult.Accept(new Answer { Text = value });
    }

    public static string Hint(FieldDefinition field) =>
        $"Mohon tulis jawabannya, paling banyak {Limits(field).Max} huruf{ExampleSuffix(field)}.";

    private static string ExampleSuffix(FieldDefinition field) =>
        string.IsNullOrWhiteSpace(field.Example) ? "" : ", misalnya " + field.Example.Trim();

    private static (int Min, int Max) Limits(FieldDefinition field)
    {
        var min = field.Min is { } a ? (int)Math.Clamp(a, DefaultMin, int.MaxValue) : DefaultMin;
        var max = field.Max is { } b ? (int)Math.Clamp(b, min, int.MaxValue) : DefaultMax;
        return (min, max);
    }
}
