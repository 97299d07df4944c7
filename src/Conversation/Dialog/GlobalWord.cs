using System.Text.RegularExpressions;

namespace Posyandu.Conversation.Dialog;

/// <summary>The words that steer the dialog rather than answer a question.</summary>
internal enum GlobalWord { None, Batal, Kembali, Bantuan, Menu, Lewati, Selesai, Kirim, Lanjut, Baru }

/// <summary>A steering word as typed (case-insensitive, punctuation tolerated) or pressed (button data <c>g:&lt;word&gt;</c>).</summary>
internal readonly record struct Command(GlobalWord Word, bool Pressed)
{
    public bool Is(GlobalWord word) => Word == word;
}

/// <summary>Reads steering words; which of them apply is up to the step the person is at.</summary>
internal static partial class GlobalWords
{
    private const string ButtonPrefix = "g:";

    private static readonly Dictionary<string, GlobalWord> Typed = new(StringComparer.Ordinal)
    {
        ["batal"] = GlobalWord.Batal, ["batalkan"] = GlobalWord.Batal, ["cancel"] = GlobalWord.Batal,
        ["kembali"] = GlobalWord.Kembali, ["back"] = GlobalWord.Kembali, ["sebelumnya"] = GlobalWord.Kembali,
        ["bantuan"] = GlobalWord.Bantuan, ["bantu"] = GlobalWord.Bantuan, ["help"] = GlobalWord.Bantuan, ["tolong"] = GlobalWord.Bantuan, ["?"] = GlobalWord.Bantuan,
        ["menu"] = GlobalWord.Menu, ["start"] = GlobalWord.Menu,
        ["lewati"] = GlobalWord.Lewati, ["lewat"] = GlobalWord.Lewati, ["skip"] = GlobalWord.Lewati, ["lompati"] = GlobalWord.Lewati,
        ["selesai"] = GlobalWord.Selesai, ["cukup"] = GlobalWord.Selesai, ["sudah"] = GlobalWord.Selesai, ["done"] = GlobalWord.Selesai,
        ["kirim"] = GlobalWord.Kirim, ["kirimkan"] = GlobalWord.Kirim, ["send"] = GlobalWord.Kirim,
        ["lanjut"] = GlobalWord.Lanjut, ["lanjutkan"] = GlobalWord.Lanjut, ["teruskan"] = GlobalWord.Lanjut,
        ["baru"] = GlobalWord.Baru, ["mulai baru"] = GlobalWord.Baru, ["hapus"] = GlobalWord.Baru, ["ulang"] = GlobalWord.Baru, ["mulai lagi"] = GlobalWord.Baru,
    };

    // Greetings a kader sends when coming back to the chat; inside a form they must not be taken as an answer.
    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal)
    {
        "halo", "hallo", "helo", "hai", "hi", "hello", "assalamualaikum", "assalamu'alaikum", "asalamualaikum",
        "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "permisi",
    };

    public static bool IsGreeting(Inbound message) =>
        message.Kind == InboundKind.Text && Greetings.Contains(Normalize(message.Text));

    public static string ButtonData(GlobalWord word) => ButtonPrefix + word.ToString().ToLowerInvariant();

    public static Button Button(string label, GlobalWord word) => new(label, ButtonData(word));

    public static Command Read(Inbound message)
    {
        if (message.Kind == InboundKind.Choice)
        {
            var data = message.ChoiceData ?? "";
            return data.StartsWith(ButtonPrefix, StringComparison.Ordinal) && Enum.TryParse<GlobalWord>(data[ButtonPrefix.Length..], ignoreCase: true, out var pressed)
                && pressed != GlobalWord.None && data[ButtonPrefix.Length..].All(char.IsAsciiLetterLower)
                ? new Command(pressed, Pressed: true)
                : new Command(GlobalWord.None, Pressed: message.ChoiceData is not null);
        }

        return message.Kind == InboundKind.Text && Typed.TryGetValue(Normalize(message.Text), out var typed)
            ? new Command(typed, Pressed: false)
            : new Command(GlobalWord.None, Pressed: false);
    }

    /// <summary>"Batal!", " /menu ", "KEMBALI." all read as the bare lower-case word.</summary>
    public static string Normalize(string? text)
    {
        var word = Spaces().Replace((text ?? "").Trim().ToLowerInvariant(), " ").TrimStart('/');
        return word == "?" ? word : word.TrimEnd('.', '!', ',', '?');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
