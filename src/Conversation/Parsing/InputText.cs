using System.Text;

namespace Posyandu.Conversation.Parsing;

/// <summary>Small text clean-ups shared by the answer parsers.</summary>
internal static class InputText
{
    /// <summary>Polite or filler words a kader adds around an answer ("iya bu", "tanah saja pak").</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "bu", "pak", "bapak", "ibu", "kak", "mbak", "mba", "mas", "dik", "bang", "teh", "om", "tante",
        "saja", "aja", "deh", "dong", "sih", "nih", "kok", "lah", "kah", "yah", "min", "admin",
    };

    /// <summary>Trims and collapses every run of whitespace (newlines too) to one space.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Lower case, letters and digits only, single spaces: "Bocor, atau rusak-sebagian!" → "bocor atau rusak sebagian".</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return Collapse(builder.ToString());
    }

    /// <summary>The normalized words of <paramref name="text"/> without polite fillers.</summary>
    public static List<string> Words(string text) =>
        [.. Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Fillers.Contains(w))];

    /// <summary>True for a polite or filler word.</summary>
    public static bool IsFiller(string word) => Fillers.Contains(word);

    /// <summary>"misalnya 5 orang" from the field's example, or from <paramref name="fallback"/>.</summary>
    public static string ForExample(Forms.FieldDefinition field, string fallback) =>
        "misalnya " + (string.IsNullOrWhiteSpace(field.Example) ? fallback : field.Example.Trim());
}
