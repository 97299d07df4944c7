using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>What one piece of a choice answer matched: one option, several (ambiguous), or none.</summary>
internal sealed record OptionMatch(IReadOnlyList<int> Candidates, int? OutOfRangeNumber = null)
{
    public static readonly OptionMatch None = new([]);

    /// <summary>The 0-based index of the matched option when exactly one matched.</summary>
    public int? Index => Candidates.Count == 1 ? Candidates[0] : null;

    public bool Ambiguous => Candidates.Count > 1;
}

/// <summary>
/// Finds which option of a choice field a piece of text means: its number ("3", "no. 3", "tiga"), its label, alias or
/// value, an unambiguous prefix ("bocor"), or words found in only one label ("roboh" for "Hampir roboh").
/// </summary>
internal static class OptionMatcher
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal) { "no", "nomor", "nmr", "nomer", "pilih", "pilihan", "angka" };

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "tidak", "tanpa", "bukan", "belum", "tak", "non" };

    /// <summary>Joining words a kader may include or leave out when naming an option.</summary>
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal) { "atau", "dan", "yang", "dengan" };

    public static OptionMatch Find(IReadOnlyList<ChoiceOption> options, string text)
    {
        var words = InputText.Words(text);
        if (words.Count == 0)
        {
            return OptionMatch.None;
        }

        if (ReadNumber(words) is { } number)
        {
            return number >= 1 && number <= options.Count ? new OptionMatch([number - 1]) : new OptionMatch([], number);
        }

        var key = string.Join(' ', words);
        var names = options.Select(Names).ToList();
        // A prefix and a contained word count alike, so "rusak" is ambiguous between "Rusak berat" and
        // "Bocor atau rusak sebagian" rather than silently the first.
        var levels = new Func<IReadOnlyList<string>, bool>[]
        {
            option => option.Contains(key),
            option => option.Any(name => (key.Length >= 2 && name.StartsWith(key, StringComparison.Ordinal)) || ContainsWords(name, words)),
        };

        foreach (var level in levels)
        {
            var hits = Enumerable.Range(0, options.Count).Where(i => level(names[i])).ToList();
            if (hits.Count > 0)
            {
                return new OptionMatch(hits);
            }
        }

        return OptionMatch.None;
    }

    /// <summary>"1. Baik\n2. Bocor atau rusak sebagian…", numbered as the buttons and the hint number them.</summary>
    public static string List(IReadOnlyList<ChoiceOption> options, IEnumerable<int>? only = null) =>
        string.Join('\n', (only ?? Enumerable.Range(0, options.Count)).Select(i => $"{i + 1}. {options[i].Label}"));

    /// <summary>A bare option number: "3", "no 3", "nomor 3", "tiga".</summary>
    private static int? ReadNumber(List<string> words)
    {
        var rest = words.Count == 2 && NumberWords.Contains(words[0]) ? words[1..] : words;
        if (rest.Count == 1 && rest[0].All(char.IsAsciiDigit))
        {
            return rest[0].Length <= 3 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
        }

        return IndonesianNumbers.ParseWords(string.Join(' ', rest)) is { } value && value == decimal.Truncate(value) && value is > 0 and < 1000
            ? (int)value
            : null;
    }

    /// <summary>The option's label, aliases and value, normalized the way the kader's text is.</summary>
    private static List<string> Names(ChoiceOption option) =>
        [.. new[] { option.Label, option.Value.Replace('_', ' ') }.Concat(option.Aliases).Select(InputText.Normalize).Where(n => n.Length > 0)];

    /// <summary>
    /// Whether every word the kader typed is a whole word of <paramref name="name"/>. A word that the name negates
    /// ("terlindung" in "sumur tidak terlindung") only counts when the kader also wrote a negation.
    /// </summary>
    private static bool ContainsWords(string name, List<string> typed)
    {
        var nameWords = name.Split(' ');
        var typedNegation = typed.Any(Negations.Contains);
        var significant = typed.Where(w => !Connectives.Contains(w)).ToList();
        return significant.Count > 0 && significant.All(word =>
        {
            var at = Array.IndexOf(nameWords, word);
            return at >= 0 && (typedNegation || !nameWords.Take(at).Any(Negations.Contains));
        });
    }
}
