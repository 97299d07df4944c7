using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>
/// Several options in one message: "1,3", "1 3", "1 dan 3", "1, 3 dan 4", "perdarahan, demam tinggi". An option whose
/// value is <c>tidak_ada</c> or <c>tidak_tahu</c> stands alone.
/// </summary>
internal static partial class MultiAnswer
{
    private static readonly HashSet<string> Exclusive = new(StringComparer.Ordinal) { "tidak_ada", "tidak_tahu" };

    public static ParseResult Parse(FieldDefinition field, string text)
    {
        // A label may itself hold a comma or "dan", so the whole text is tried as one option first.
        var whole = OptionMatcher.Find(field.Options, text);
        var chosen = new SortedSet<int>();
        if (whole.Index is { } single)
        {
            chosen.Add(single);
        }
        else
        {
            foreach (var part in Pieces(text))
            {
                var match = OptionMatcher.Find(field.Options, part);
                if (match.Index is not { } index)
                {
                    return ParseResult.Refuse(ChoiceAnswer.Refusal(field, part, match, Hint(field)));
                }

                chosen.Add(index);
            }
        }

        if (chosen.Count == 0)
        {
            return ParseResult.Refuse(Hint(field));
        }

        var lone = chosen.Select(i => field.Options[i]).FirstOrDefault(o => Exclusive.Contains(o.Value));
        if (chosen.Count > 1 && lone is not null)
        {
            return ParseResult.Refuse(
                $"“{lone.Label}” tidak bisa digabung dengan pilihan lain. Mohon pilih “{lone.Label}” saja, atau pilihan lainnya saja.");
        }

        return ParseResult.Accept(new Answer { Options = [.. chosen.Select(i => field.Options[i].Value)] });
    }

    public static string Hint(FieldDefinition field) =>
        $"Mohon ketik nomor pilihan, boleh lebih dari satu, misalnya 1, 3:\n{OptionMatcher.List(field.Options)}";

    /// <summary>Splits on commas, semicolons, "/", "&amp;", "+", new lines and the word "dan"; "1 3" (numbers only) on spaces.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        foreach (var piece in Separators().Split(text))
        {
            var trimmed = piece.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (NumbersOnly().IsMatch(trimmed))
            {
                foreach (var number in trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return number;
                }
            }
            else
            {
                yield return trimmed;
            }
        }
    }

    [GeneratedRegex(@"[,;/&+\n]|\bdan\b", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\d+(\s+\d+)+$")]
    private static partial Regex NumbersOnly();
}
