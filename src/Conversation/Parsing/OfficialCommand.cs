namespace Posyandu.Conversation.Parsing;

/// <summary>What an official does with a referral by chat.</summary>
public enum OfficialAction { Terima, Selesai, Tolak, Info }

/// <summary>
/// An official's command: <c>TERIMA 42</c>, <c>SELESAI PR-2511-0042 sudah disurvei</c>, <c>TOLAK 42 bukan wilayah saya</c>,
/// <c>INFO 42</c>, or the same from a button (data <c>r:terima:PR-2511-0042</c>).
/// </summary>
public sealed record OfficialCommand(OfficialAction Action, string Reference, string? Note)
{
    /// <summary>Button data for <paramref name="action"/> on report <paramref name="number"/>.</summary>
    public static string ButtonData(OfficialAction action, string number) => throw new NotImplementedException();

    /// <summary>Reads typed text or button data; null when it is not an official command.</summary>
    public static OfficialCommand? TryParse(Inbound message) => throw new NotImplementedException();
}
