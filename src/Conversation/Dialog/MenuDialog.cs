using System.Globalization;
using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Dialog;

/// <summary>Everything outside a form: the bidang menu, a bidang's topics, and the offer to resume a draft.</summary>
internal static class MenuDialog
{
    public static void ShowMenu(Turn turn)
    {
        var session = turn.Session;
        session.Mode = DialogMode.Menu;
        session.Bidang = null;
        session.Topic = null;
        turn.Say(Prompts.Menu(BidangOrder(turn), LatestDraft(turn)?.Form));
    }

    public static void ShowTopics(Turn turn, Bidang bidang)
    {
        var forms = turn.Catalog.ForBidang(bidang.Code);
        if (forms.Count == 0)
        {
            turn.Note(DialogTexts.BidangEmpty(bidang.Name));
            ShowMenu(turn);
            return;
        }

        turn.Session.Mode = DialogMode.Topics;
        turn.Session.Bidang = bidang.Code;
        turn.Session.Topic = null;
        turn.Say(Prompts.Topics(bidang, forms));
    }

    /// <summary>Opens a topic: the offer to resume when a draft of it exists, else a new draft at its first question.</summary>
    public static void Open(Turn turn, FormDefinition form)
    {
        if (turn.Session.Drafts.TryGetValue(form.Topic, out var draft))
        {
            Offer(turn, form, draft);
        }
        else
        {
            StartNew(turn, form);
        }
    }

    public static void Offer(Turn turn, FormDefinition form, Draft draft)
    {
        turn.Session.Mode = DialogMode.Resume;
        turn.Session.Topic = form.Topic;
        turn.Session.Bidang = null;
        turn.Say(Prompts.ResumeOffer(form, draft, turn.Context.TimeZone));
    }

    public static void StartNew(Turn turn, FormDefinition form)
    {
        var draft = new Draft { Topic = form.Topic, StartedAt = turn.Context.Now, UpdatedAt = turn.Context.Now };
        turn.Session.Drafts[form.Topic] = draft;
        turn.Session.Mode = DialogMode.Form;
        turn.Session.Topic = form.Topic;
        turn.Session.Bidang = null;
        turn.Note(DialogTexts.FormIntro(form.Title));
        var machine = new FormMachine(form, draft, turn.Today);
        machine.Fire(FormTrigger.Next);
        FormDialog.AskStep(turn, form, draft, machine);
    }

    public static void Resume(Turn turn, FormDefinition form, Draft draft)
    {
        turn.Session.Mode = DialogMode.Form;
        turn.Session.Topic = form.Topic;
        turn.Session.Bidang = null;
        draft.UpdatedAt = turn.Context.Now;
        FormDialog.Repair(form, draft, turn.Today);
        FormDialog.AskStep(turn, form, draft, new FormMachine(form, draft, turn.Today));
    }

    public static void HandleMenu(Turn turn, Inbound message)
    {
        if (MenuData.ReadTopic(message) is { } topic)
        {
            OpenOrMenu(turn, turn.Catalog.Find(topic));
            return;
        }

        if (MenuData.ReadBidang(message) is { } code)
        {
            ShowTopicsOrMenu(turn, Bidang.Find(code));
            return;
        }

        var command = GlobalWords.Read(message);
        if (command.Is(GlobalWord.Lanjut) && LatestDraft(turn) is ({ } form, { } draft))
        {
            Resume(turn, form, draft);
            return;
        }

        var text = message.Kind == InboundKind.Text ? GlobalWords.Normalize(message.Text) : "";
        var order = BidangOrder(turn);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= 1 && number <= order.Count)
            {
                ShowTopics(turn, order[number - 1]);
                return;
            }

            turn.Note(DialogTexts.MenuUnknown);
        }
        else if (Unique(order, b => [b.Code, b.Name], text) is { } bidang)
        {
            ShowTopics(turn, bidang);
            return;
        }
        else if (Unique(turn.Catalog.Forms, TopicNames, text) is { } match)
        {
            Open(turn, match);
            return;
        }
        else if (message.Kind == InboundKind.Choice)
        {
            turn.Note(DialogTexts.StaleButton);
        }

        ShowMenu(turn);
    }

    public static void HandleTopics(Turn turn, Inbound message)
    {
        if (Bidang.Find(turn.Session.Bidang ?? "") is not { } bidang)
        {
            HandleMenu(turn, message);
            return;
        }

        var forms = turn.Catalog.ForBidang(bidang.Code);
        var command = GlobalWords.Read(message);
        if (command.Is(GlobalWord.Kembali))
        {
            ShowMenu(turn);
            return;
        }

        var text = message.Kind == InboundKind.Text ? GlobalWords.Normalize(message.Text) : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // A number answers the list on screen; one out of its range must not open another bidang's list instead.
            if (number >= 1 && number <= forms.Count)
            {
                Open(turn, forms[number - 1]);
            }
            else
            {
                turn.Note(DialogTexts.MenuUnknown);
                ShowTopics(turn, bidang);
            }

            return;
        }

        if (text.Length > 0 && Unique(forms, TopicNames, text) is { } form)
        {
            Open(turn, form);
            return;
        }

        // Anything else is read as at the menu: "menu", a bidang name, a menu button, or an unknown word that shows the menu.
        HandleMenu(turn, message);
    }

    public static void HandleResume(Turn turn, Inbound message)
    {
        var form = turn.Catalog.Find(turn.Session.Topic ?? "");
        if (form is null || !turn.Session.Drafts.TryGetValue(form.Topic, out var draft))
        {
            HandleMenu(turn, message);
            return;
        }

        var command = GlobalWords.Read(message);
        var text = message.Kind == InboundKind.Text ? GlobalWords.Normalize(message.Text) : "";
        if (command.Is(GlobalWord.Lanjut) || text == "1")
        {
            Resume(turn, form, draft);
        }
        else if (command.Is(GlobalWord.Baru) || text == "2")
        {
            turn.Session.Drafts.Remove(form.Topic);
            StartNew(turn, form);
        }
        else if (command.Word is GlobalWord.Menu or GlobalWord.Batal or GlobalWord.Kembali)
        {
            ShowMenu(turn);
        }
        else if (MenuData.ReadTopic(message) is not null || MenuData.ReadBidang(message) is not null)
        {
            HandleMenu(turn, message);
        }
        else
        {
            Offer(turn, form, draft);
        }
    }

    /// <summary>The most recently touched draft whose topic still exists.</summary>
    public static (FormDefinition Form, Draft Draft)? LatestDraft(Turn turn) =>
        turn.Session.Drafts.Values
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => (Form: turn.Catalog.Find(d.Topic), Draft: d))
            .Where(p => p.Form is not null)
            .Select(p => ((FormDefinition, Draft)?)(p.Form!, p.Draft))
            .FirstOrDefault();

    /// <summary>The six bidang, the person's own first.</summary>
    private static List<Bidang> BidangOrder(Turn turn) =>
        [.. Bidang.All.OrderBy(b => string.Equals(b.Code, turn.Context.PreferredBidang, StringComparison.OrdinalIgnoreCase) ? 0 : 1)];

    private static void OpenOrMenu(Turn turn, FormDefinition? form)
    {
        if (form is null)
        {
            ShowMenu(turn);
        }
        else
        {
            Open(turn, form);
        }
    }

    private static void ShowTopicsOrMenu(Turn turn, Bidang? bidang)
    {
        if (bidang is null)
        {
            ShowMenu(turn);
        }
        else
        {
            ShowTopics(turn, bidang);
        }
    }

    private static IEnumerable<string> TopicNames(FormDefinition form) =>
        [form.Topic, form.Topic[(form.Topic.IndexOf('-', StringComparison.Ordinal) + 1)..], form.Title];

    /// <summary>
    /// The one item whose code equals <paramref name="text"/>, or whose name starts with it, or one of whose words starts
    /// with it (three letters at least); null when none or several fit.
    /// </summary>
    private static T? Unique<T>(IEnumerable<T> items, Func<T, IEnumerable<string>> names, string text)
        where T : class
    {
        if (text.Length < 2)
        {
            return null;
        }

        var list = items.ToList();
        var exact = list.Where(i => names(i).Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var prefix = list.Where(i => names(i).Any(n => n.StartsWith(text, StringComparison.OrdinalIgnoreCase)
            || (text.Length >= 3 && n.Split(' ', '-').Any(w => w.StartsWith(text, StringComparison.OrdinalIgnoreCase))))).ToList();
        return prefix.Count == 1 ? prefix[0] : null;
    }
}
