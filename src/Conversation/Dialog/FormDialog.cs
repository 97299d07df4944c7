using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Dialog;

/// <summary>A message while a form is open: sends it to the step the draft is at, and what every step shares.</summary>
internal static class FormDialog
{
    public static void Handle(Turn turn, Inbound message)
    {
        var form = turn.Catalog.Find(turn.Session.Topic ?? "");
        if (form is null || !turn.Session.Drafts.TryGetValue(form.Topic, out var draft))
        {
            MenuDialog.ShowMenu(turn);
            return;
        }

        draft.UpdatedAt = turn.Context.Now;
        Repair(form, draft, turn.Today);
        var machine = new FormMachine(form, draft, turn.Today);
        switch (machine.Step)
        {
            case FormMachine.CancelConfirmation:
                CancelStep.Handle(turn, form, draft, machine, message);
                break;
            case FormMachine.Summary:
                SummaryStep.Handle(turn, form, draft, machine, message);
                break;
            default:
                QuestionStep.Handle(turn, form, draft, machine, machine.CurrentField!, message);
                break;
        }
    }

    /// <summary>Says what the current step asks: the question, the summary or the cancel confirmation.</summary>
    public static void AskStep(Turn turn, FormDefinition form, Draft draft, FormMachine machine)
    {
        switch (machine.Step)
        {
            case FormMachine.Summary:
                turn.Say(Summary(turn, form, draft, machine));
                break;
            case FormMachine.CancelConfirmation:
                turn.Say(Prompts.CancelQuestion());
                break;
            default:
                turn.Say(Prompts.Question(machine.CurrentField!, draft));
                break;
        }
    }

    /// <summary>
    /// Fits a stored draft to the form as it is now (a district may have changed the catalog since): answers of removed
    /// fields or options are dropped, hidden fields' answers too, and a step that no longer exists moves to the first
    /// unanswered question (or the summary).
    /// </summary>
    public static void Repair(FormDefinition form, Draft draft, DateOnly today)
    {
        foreach (var (name, answer) in draft.Answers.ToList())
        {
            var field = form.Field(name);
            if (field is null || (answer.Options is { } options && options.Any(v => field.Options.All(o => o.Value != v))))
            {
                draft.Answers.Remove(name);
            }
        }

        var rules = FormRules.For(form);
        rules.DropHiddenAnswers(draft.Answers, today);
        var visible = rules.VisibleFields(draft.Answers, today);
        var firstUnanswered = visible.FirstOrDefault(f => !draft.Answers.ContainsKey(f.Name))?.Name;
        bool Exists(string? step) => step == FormMachine.Summary || visible.Any(f => f.Name == step);

        if (draft.Step == FormMachine.CancelConfirmation)
        {
            draft.ReturnStep = Exists(draft.ReturnStep) ? draft.ReturnStep : firstUnanswered ?? FormMachine.Summary;
        }
        else if (draft.Step == FormMachine.Summary && firstUnanswered is not null)
        {
            // A field appeared since the summary was shown: ask it, then come back to the summary.
            draft.Step = firstUnanswered;
            draft.Editing = true;
        }
        else if (!Exists(draft.Step))
        {
            draft.Step = firstUnanswered ?? FormMachine.Summary;
            draft.Editing = false;
        }
    }

    /// <summary>Leaving a form keeps its draft for later, unless nothing was answered yet: an empty draft is not worth an offer to resume.</summary>
    public static void Leave(Turn turn, FormDefinition form, Draft draft)
    {
        if (draft.Answers.Count == 0)
        {
            turn.Session.Drafts.Remove(form.Topic);
        }
        else
        {
            turn.Note(DialogTexts.SavedDraft);
        }
    }

    public static void Advance(Turn turn, FormDefinition form, Draft draft, FormMachine machine)
    {
        FormRules.For(form).DropHiddenAnswers(draft.Answers, turn.Today);
        machine.Fire(FormTrigger.Next);
        AskStep(turn, form, draft, machine);
    }

    public static Reply Summary(Turn turn, FormDefinition form, Draft draft, FormMachine machine) =>
        Prompts.Summary(form, machine.SummaryFields, draft.Answers, FormAssessor.Assess(form, draft.Answers, turn.Today, turn.Growth));
}
