using System.Globalization;
using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>RT and RW: "3/4", "003/004", "RT 3 RW 4", "rt03 rw04", "RT.3/RW.4", "03 04" → "003/004"; each 1–999.</summary>
internal static partial class RtRwAnswer
{
    public static ParseResult Parse(FieldDefinition field, string text)
    {
        var s = InputText.Collapse(text.ToLowerInvariant()).TrimEnd('.', '!', '?', ',');
        var labelled = Labelled().Match(s);
        var reversed = labelled.Success ? labelled : Reversed().Match(s);
        var match = reversed.Success ? reversed : Bare().Match(s);
        if (!match.Success)
        {
            return ParseResult.Refuse(OnlyOne().Match(s) is { Success: true } one
                ? $"Nomor {(one.Groups["rw"].Success ? "RT" : "RW")}-nya belum ada. {Hint(field)}"
                : Hint(field));
        }

        var rt = int.Parse(match.Groups["rt"].Value, CultureInfo.InvariantCulture);
        var rw = int.Parse(match.Groups["rw"].Value, CultureInfo.InvariantCulture);
        if (rt is < 1 or > 999 || rw is < 1 or > 999)
        {
            return ParseResult.Refuse($"Nomor RT dan RW mulai dari 1. {Hint(field)}");
        }

        return ParseResult.Accept(new Answer { Text = string.Create(CultureInfo.InvariantCulture, $"{rt:000}/{rw:000}") });
    }

    public static string Hint(FieldDefinition field) =>
        $"Mohon tulis RT dan RW, {InputText.ForExample(field, "RT 3 RW 4 atau 003/004")}.";

    [GeneratedRegex(@"^(?:rt|(?<rw>rw))\s*[.:]?\s*\d{1,3}$")]
    private static partial Regex OnlyOne();

    [GeneratedRegex(@"^rt\s*[.:]?\s*(?<rt>\d{1,3})\s*(?:[/,\-]?\s*rw|/)\s*[.:]?\s*(?<rw>\d{1,3})$")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"^rw\s*[.:]?\s*(?<rw>\d{1,3})\s*[/,\-]?\s*rt\s*[.:]?\s*(?<rt>\d{1,3})$")]
    private static partial Regex Reversed();

    [GeneratedRegex(@"^(?:rt\s*[/.]?\s*rw\s*[.:]?\s*)?(?<rt>\d{1,3})\s*[/\-.,\\ ]\s*(?<rw>\d{1,3})$")]
    private static partial Regex Bare();
}
