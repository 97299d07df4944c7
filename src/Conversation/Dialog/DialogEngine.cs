using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Growth;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Dialog;

/// <summary>
/// The pure dialog engine: given a stored session and one inbound message, returns the new session, the replies and,
/// when a form is confirmed, the submitted form. No I/O; everything it needs is passed in: the catalog and the WHO growth
/// tables for the z-score rules (null = the tables shipped with the assembly, <see cref="GrowthStandards.Who"/>).
/// </summary>
public sealed class DialogEngine(FormCatalog catalog, GrowthStandards? growth = null)
{
    private readonly FormCatalog _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>The first thing a newly recognised person sees: a greeting and the menu (or the offer to continue a draft).</summary>
    public DialogResult Welcome(Session session, DialogContext context)
    {
        var turn = Begin(session, context, out _);
        turn.Note(DialogTexts.Greeting(context.PersonName));
        if (MenuDialog.LatestDraft(turn) is ({ } form, { } draft))
        {
            MenuDialog.Offer(turn, form, draft);
        }
        else
        {
            MenuDialog.ShowMenu(turn);
        }

        return turn.Result();
    }

    /// <summary>Handles one message. The given session is not changed; the result carries the session to store.</summary>
    public DialogResult Handle(Session session, Inbound message, DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        var turn = Begin(session, context, out var lostOpenDraft);
        if (lostOpenDraft)
        {
            // The message answered a question of a draft that is gone; reading it as a menu choice would surprise.
            MenuDialog.ShowMenu(turn);
            return turn.Result();
        }

        switch (turn.Session.Mode)
        {
            case DialogMode.Form:
                FormDialog.Handle(turn, message);
                break;
            case DialogMode.Resume:
                MenuDialog.HandleResume(turn, message);
                break;
            case DialogMode.Topics:
                MenuDialog.HandleTopics(turn, message);
                break;
            default:
                MenuDialog.HandleMenu(turn, message);
                break;
        }

        return turn.Result();
    }

    /// <summary>Whether the session's current question asks for a photo (a channel downloads a photo only then).</summary>
    public bool AwaitsPhoto(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session is { Mode: DialogMode.Form, Topic: { } topic }
            && _catalog.Find(topic) is { } form
            && session.Drafts.TryGetValue(form.Topic, out var draft)
            && form.Field(draft.Step) is { Type: FieldType.Photo };
    }

    /// <summary>
    /// Starts a turn on a copy of the session (the caller's stays as stored until it saves the result), discarding drafts
    /// untouched for too long or whose topic left the catalog, each with a notice.
    /// </summary>
    private Turn Begin(Session session, DialogContext context, out bool lostOpenDraft)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        var copy = SessionJson.Deserialize(SessionJson.Serialize(session));
        var turn = new Turn(_catalog, copy, context) { Growth = growth ?? GrowthStandards.Who };
        lostOpenDraft = false;
        foreach (var (topic, draft) in copy.Drafts.ToList())
        {
            var form = _catalog.Find(topic);
            if (form is null)
            {
                turn.Note(DialogTexts.DraftUnavailable(topic));
            }
            else if (context.Now - draft.UpdatedAt > TimeSpan.FromDays(DialogLimits.DraftDays))
            {
                turn.Note(DialogTexts.DraftExpired(form.Title, Prompts.LocalDate(draft.UpdatedAt, context.TimeZone)));
            }
            else
            {
                continue;
            }

            copy.Drafts.Remove(topic);
            lostOpenDraft |= copy.Mode is DialogMode.Form or DialogMode.Resume
                && string.Equals(copy.Topic, topic, StringComparison.OrdinalIgnoreCase);
        }

        return turn;
    }
}
