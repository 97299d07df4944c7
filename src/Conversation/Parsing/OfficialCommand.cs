using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Parsing;

/// <summary>What an official does with a referral by chat; <see cref="Daftar"/> lists their open referrals.</summary>
public enum OfficialAction { Terima, Selesai, Tolak, Info, Daftar }

/// <summary>
/// An official's command: <c>TERIMA 42</c>, <c>SELESAI PR-2511-0042 sudah disurvei</c>, <c>TOLAK 42 bukan wilayah saya</c>,
/// <c>INFO 42</c>, <c>DAFTAR</c>, or the same from a button (data <c>r:terima:PR-2511-0042</c>).
/// </summary>
/// <remarks>
/// <see cref="Reference"/> is either a full report number, upper-cased and with a four-digit sequence
/// (<c>PR-2511-0042</c>), or the digits as typed without leading zeros (<c>42</c>), or empty when the official gave none
/// (the caller then asks which report).
/// </remarks>
public sealed partial record OfficialCommand(OfficialAction Action, string Reference, string? Note)
{
    private const string ButtonPrefix = "r";

    /// <summary>Telegram refuses callback data longer than this many bytes.</summary>
    private const int MaxButtonBytes = 64;

    private static readonly char[] TrailingPunctuation = ['.', '!', ',', ' ', '\n', '\r', '\t'];

    /// <summary>What may stand between the report number and the note: "SELESAI 42 - sudah disurvei".</summary>
    private static readonly char[] NoteLeaders = ['-', ':', ',', '.', ';', '–', ' '];

    /// <summary>Button data for <paramref name="action"/> on report <paramref name="number"/>.</summary>
    public static string ButtonData(OfficialAction action, string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var data = $"{ButtonPrefix}:{action.ToString().ToLowerInvariant()}:{number.Trim()}";
        return Encoding.UTF8.GetByteCount(data) <= MaxButtonBytes && !number.Contains(':', StringComparison.Ordinal)
            ? data
            : throw new ArgumentException($"Report number '{number}' does not fit in button data.", nameof(number));
    }

    /// <summary>Reads typed text or button data; null when it is not an official command.</summary>
    public static OfficialCommand? TryParse(Inbound message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind switch
        {
            InboundKind.Choice => FromButton(message.ChoiceData ?? ""),
            InboundKind.Text => FromText(message.Text ?? ""),
            _ => null,
        };
    }

    private static OfficialCommand? FromButton(string data)
    {
        var parts = data.Split(':', 3);
        return parts.Length == 3 && parts[0] == ButtonPrefix && ReadAction(parts[1]) is { } action
            && NormalizeReference(parts[2]) is { Length: > 0 } reference
            ? new OfficialCommand(action, reference, null)
            : null;
    }

    private static OfficialCommand? FromText(string text)
    {
        if (Command().Match(text) is not { Success: true } match || ReadAction(match.Groups["verb"].Value) is not { } action)
        {
            return null;
        }

        var rest = match.Groups["rest"].Value;
        if (action == OfficialAction.Daftar)
        {
            // "DAFTAR", "daftar laporan": a list takes no report number.
            return new OfficialCommand(action, "", null);
        }

        if (string.IsNullOrWhiteSpace(rest.Trim(TrailingPunctuation)))
        {
            return new OfficialCommand(action, "", null);
        }

        // "TERIMA KASIH" and other sentences that merely start with the word are not commands: a report must follow.
        if (ReferencePattern().Match(rest) is not { Success: true } reference || NormalizeReference(reference.Groups["ref"].Value) is not { } normalized)
        {
            return null;
        }

        var note = rest[reference.Length..].Trim().TrimStart(NoteLeaders).Trim();
        return new OfficialCommand(action, normalized, note.Length == 0 ? null : note);
    }

    private static OfficialAction? ReadAction(string verb) => verb.ToLowerInvariant() switch
    {
        "terima" => OfficialAction.Terima,
        "selesai" => OfficialAction.Selesai,
        "tolak" => OfficialAction.Tolak,
        "info" => OfficialAction.Info,
        "daftar" => OfficialAction.Daftar,
        _ => null,
    };

    /// <summary>"pr-2511-42" → "PR-2511-0042"; "0042" → "42"; null when it is neither a report number nor digits.</summary>
    private static string? NormalizeReference(string raw)
    {
        var trimmed = raw.Trim();
        if (FullNumber().Match(trimmed) is { Success: true } full && Bidang.Find(full.Groups["bidang"].Value) is { } bidang)
        {
            var sequence = int.Parse(full.Groups["seq"].Value, CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{bidang.Code}-{full.Groups["period"].Value}-{sequence:0000}");
        }

        if (trimmed.Length is > 0 and <= 9 && trimmed.All(char.IsAsciiDigit))
        {
            var digits = trimmed.TrimStart('0');
            return digits.Length == 0 ? "0" : digits;
        }

        return null;
    }

    [GeneratedRegex(@"^\s*/?(?<verb>terima|selesai|tolak|info|daftar)(?=$|[\s#\d.,!:]|[a-z]{2}[-\s]?\d)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Command();

    [GeneratedRegex(@"^[\s:]*(?:(?:no|nomor|nmr|laporan)\.?\s*)?#?\s*(?<ref>[a-z]{2}[-\s]?\d{4}[-\s]?\d{1,6}|\d{1,9})(?=$|[\s.,!;:\-])", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^(?<bidang>[a-z]{2})[-\s]?(?<period>\d{4})[-\s]?(?<seq>\d{1,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex FullNumber();
}
