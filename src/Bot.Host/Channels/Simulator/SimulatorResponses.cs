namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>A roster person the tester can act as.</summary>
internal sealed record SimulatorPerson(
    long Id, string Nama, string Peran, string PeranLabel, string KodeWilayah, string NamaWilayah, string? Posyandu);

/// <summary>One page of the outbox after a cursor; <see cref="More"/> says another page follows at once.</summary>
internal sealed record SimulatorFeed(IReadOnlyList<SimulatorFeedItem> Items, bool More);

/// <summary>
/// One message the bot queued, with whom it is for. <see cref="PersonId"/> lets the page put it in that person's chat;
/// <see cref="Request"/> is <c>none</c>, <c>contact</c> or <c>location</c>. A <see cref="Confidential"/> message is
/// <see cref="Sealed"/> (its content withheld) unless the page acts as its recipient.
/// </summary>
internal sealed record SimulatorFeedItem(
    long Id,
    long? PersonId,
    string? PersonName,
    string? Peran,
    string? PeranLabel,
    string? Channel,
    string Text,
    IReadOnlyList<SimulatorButton> Buttons,
    string Request,
    string? PhotoId,
    string Status,
    DateTimeOffset CreatedAt,
    bool Confidential,
    bool Sealed);

/// <summary>A button of a bot message; pressing it posts <see cref="Data"/> back as the person's choice.</summary>
internal sealed record SimulatorButton(string Label, string Data);

/// <summary>The answer to an accepted post; <see cref="MediaId"/> is the stored photo of a photo post.</summary>
internal sealed record SimulatorAccepted(string? MediaId = null);

/// <summary>Why a request was refused, in Bahasa Indonesia.</summary>
internal sealed record SimulatorError(string Error);
