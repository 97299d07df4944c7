using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Growth;

namespace Posyandu.Conversation.Dialog;

/// <summary>One inbound message being handled: the session being changed, the replies collected, the submitted form if any.</summary>
internal sealed class Turn(FormCatalog catalog, Session session, DialogContext context)
{
    private readonly List<Reply> _replies = [];
    private readonly List<string> _notes = [];

    // The topic open when the message arrived: a reply that leaves a confidential form still speaks of it.
    private readonly string? _topicAtStart = session.Mode is DialogMode.Form or DialogMode.Resume ? session.Topic : null;

    public FormCatalog Catalog { get; } = catalog;

    /// <summary>The WHO growth tables for z-score rules.</summary>
    public GrowthStandards Growth { get; init; } = GrowthStandards.Who;

    public Session Session { get; } = session;

    public DialogContext Context { get; } = context;

    /// <summary>The kader's local date: "today" for dates and rules.</summary>
    public DateOnly Today { get; } = Prompts.LocalDate(context.Now, context.TimeZone);

    public SubmittedForm? Submitted { get; set; }

    /// <summary>A short sentence put in front of the next reply ("Foto ke-3 diterima."), so one answer gets one message.</summary>
    public void Note(string text) => _notes.Add(text);

    public void Say(Reply reply)
    {
        if (_notes.Count > 0)
        {
            reply = reply with { Text = string.Join("\n\n", [.. _notes, reply.Text]) };
            _notes.Clear();
        }

        _replies.Add(reply);
    }

    public DialogResult Result()
    {
        if (_notes.Count > 0)
        {
            _replies.Add(Reply.Plain(string.Join("\n\n", _notes)));
            _notes.Clear();
        }

        // Worded once for the channel here, so no question ever tells an SMS reader to press a button.
        var channel = Context.Channel ?? ChannelCapabilities.Telegram;
        var confidential = TouchesConfidentialTopic();
        return new DialogResult(Session, [.. _replies.Select(r => ChannelWording.Adapt(r, channel) with { Confidential = confidential })], Submitted);
    }

    private bool TouchesConfidentialTopic() =>
        Submitted?.Form.Confidential == true
        || IsConfidential(_topicAtStart)
        || (Session.Mode is DialogMode.Form or DialogMode.Resume && IsConfidential(Session.Topic));

    private bool IsConfidential(string? topic) => topic is not null && Catalog.Find(topic)?.Confidential == true;
}
