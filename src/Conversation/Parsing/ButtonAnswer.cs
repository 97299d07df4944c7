using System.Globalization;
using System.Text;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>A pressed answer button, data <c>c:&lt;field&gt;:&lt;n&gt;</c>, for a choice, multi or yes/no field.</summary>
internal static class ButtonAnswer
{
    private const string Prefix = "c";

    /// <summary>Telegram refuses callback data longer than this many bytes.</summary>
    private const int MaxDataBytes = 64;

    public static string Data(string field, int number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        if (field.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Field name '{field}' may not contain ':'.", nameof(field));
        }

        var data = string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{field}:{number}");
        return Encoding.UTF8.GetByteCount(data) <= MaxDataBytes
            ? data
            : throw new ArgumentException($"Button data '{data}' is longer than {MaxDataBytes} bytes.", nameof(field));
    }

    public static ParseResult Parse(FieldDefinition field, string data)
    {
        var parts = data.Split(':');
        if (parts.Length != 3 || parts[0] != Prefix
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return ParseResult.Refuse($"Tombol itu tidak dikenali. {Hint(field)}");
        }

        if (parts[1] != field.Name)
        {
            return ParseResult.Refuse($"Tombol itu untuk pertanyaan sebelumnya. {Hint(field)}");
        }

        if (field.Type == FieldType.YesNo)
        {
            return number switch
            {
                1 => ParseResult.Accept(new Answer { Yes = true }),
                2 => ParseResult.Accept(new Answer { Yes = false }),
                _ => ParseResult.Refuse($"Tombol itu tidak dikenali. {Hint(field)}"),
            };
        }

        return number >= 1 && number <= field.Options.Count
            ? ParseResult.Accept(new Answer { Options = [field.Options[number - 1].Value] })
            : ParseResult.Refuse($"Tombol itu tidak dikenali. {Hint(field)}");
    }

    private static string Hint(FieldDefinition field) => field.Type switch
    {
        FieldType.YesNo => YesNoAnswer.Hint(field),
        FieldType.Multi => MultiAnswer.Hint(field),
        _ => ChoiceAnswer.Hint(field),
    };
}
