using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Dialog;

/// <summary>
/// What the engine needs to know about the moment, the person and the channel they write on (null = one that shows
/// everything, like Telegram), passed in so the engine stays pure.
/// </summary>
public sealed record DialogContext(DateTimeOffset Now, TimeZoneInfo TimeZone, string PersonName, string? PreferredBidang, ChannelCapabilities? Channel = null);

/// <summary>The outcome of one inbound message: the session to store, the replies to send and, on <c>kirim</c>, the submitted form.</summary>
public sealed record DialogResult(Session Session, IReadOnlyList<Reply> Replies, SubmittedForm? Submitted);

/// <summary>A confirmed form, ready to be stored as a report and routed.</summary>
public sealed record SubmittedForm(
    FormDefinition Form,
    IReadOnlyDictionary<string, Answer> Answers,
    IReadOnlyList<AnswerLine> Lines,
    Assessment Assessment,
    string? Address,
    string? RtRw,
    GeoPoint? Location,
    IReadOnlyList<string> PhotoIds);

/// <summary>One line of the numbered summary: the field's short label and the answer as the kader would read it.</summary>
public sealed record AnswerLine(string Field, string Label, string Display);
