using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>Yes/no: "ya", "iya", "betul", "ada", "sudah", "1" / "tidak", "nggak", "belum", "tidak ada", "2".</summary>
internal static partial class YesNoAnswer
{
    // Written as they read after stretched letters are squeezed to one ("nggak" → "ngak", "iyaa" → "iya"); a few
    // Javanese and Sundanese words too, as kader answer in their own language.
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "ya", "y", "iya", "iyah", "iye", "iy", "yes", "yup", "yap", "betul", "benar", "bener", "bnr", "btl",
        "ada", "sudah", "sdh", "udah", "udh", "dah", "pernah", "punya", "masih", "1", "ngih", "ingih", "engih", "muhun",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "tidak", "tdk", "tak", "t", "engak", "enga", "egak", "ngak", "nga", "ngk", "gak", "ga", "gk", "g", "kagak",
        "ndak", "nda", "no", "nope", "n", "belum", "blm", "blum", "bukan", "tida", "tidk", "2", "mboten", "ora",
        "henteu", "hente", "teu",
    };

    /// <summary>Words that may follow a "no" and keep it a no: "tidak ada", "belum pernah", "nggak punya".</summary>
    private static readonly HashSet<string> AfterNo = new(StringComparer.Ordinal)
    {
        "ada", "pernah", "punya", "masih", "sudah", "benar", "betul", "lagi",
    };

    public static ParseResult Parse(FieldDefinition field, string text)
    {
        var words = InputText.Words(Stretched().Replace(text.ToLowerInvariant(), "$1"));
        if (words.Count > 0 && No.Contains(words[0]) && words.Skip(1).All(AfterNo.Contains))
        {
            return ParseResult.Accept(new Answer { Yes = false });
        }

        if (words.Count > 0 && words.All(Yes.Contains))
        {
            return ParseResult.Accept(new Answer { Yes = true });
        }

        return ParseResult.Refuse(Hint(field));
    }

    public static string Hint(FieldDefinition field) => "Mohon jawab ya atau tidak (ketik 1 untuk ya, 2 untuk tidak).";

    /// <summary>"iyaa", "nggak", "tidaaak": a doubled or held-down letter reads as one.</summary>
    [GeneratedRegex(@"(\p{L})\1+")]
    private static partial Regex Stretched();
}
