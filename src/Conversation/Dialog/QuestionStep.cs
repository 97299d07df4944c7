using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Parsing;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Dialog;

/// <summary>A message at a question: the global words, an answer or a hint, and the collection of photos and multi picks.</summary>
internal static class QuestionStep
{
    /// <summary>Photos a photo field takes when its catalog entry gives no max.</summary>
    private const int DefaultPhotoLimit = 3;

    public static int PhotoLimit(FieldDefinition field) => field.Max is { } max ? (int)max : DefaultPhotoLimit;

    public static void Handle(Turn turn, FormDefinition form, Draft draft, FormMachine machine, FieldDefinition field, Inbound message)
    {
        var command = GlobalWords.Read(message);
        switch (command.Word)
        {
            case GlobalWord.Batal:
                machine.Fire(FormTrigger.Cancel);
                turn.Say(Prompts.CancelQuestion());
                return;
            case GlobalWord.Kembali when machine.CanFire(FormTrigger.Back):
                machine.Fire(FormTrigger.Back);
                FormDialog.AskStep(turn, form, draft, machine);
                return;
            case GlobalWord.Kembali:
                // Back from the first question: the topic list, keeping the draft for later.
                FormDialog.Leave(turn, form, draft);
                MenuDialog.ShowTopics(turn, Bidang.Find(form.Bidang)!);
                return;
            case GlobalWord.Bantuan:
                turn.Note(Prompts.Help(field, turn.Today));
                turn.Say(Prompts.Question(field, draft));
                return;
            case GlobalWord.Menu:
                FormDialog.Leave(turn, form, draft);
                MenuDialog.ShowMenu(turn);
                return;
            case GlobalWord.Lewati when field.Optional:
                draft.Answers[field.Name] = Answer.Skip;
                FormDialog.Advance(turn, form, draft, machine);
                return;
            case GlobalWord.Lewati:
                turn.Note(DialogTexts.NotSkippable);
                turn.Say(Prompts.Question(field, draft));
                return;
            case GlobalWord.Selesai when field.Type == FieldType.Photo:
                FinishPhotos(turn, form, draft, machine, field);
                return;
            case GlobalWord.Selesai when field.Type == FieldType.Multi:
                FinishSelection(turn, form, draft, machine, field);
                return;
        }

        if (GlobalWords.IsGreeting(message))
        {
            turn.Note(DialogTexts.Continue(form.Title));
            turn.Say(Prompts.Question(field, draft));
            return;
        }

        if (message.Kind == InboundKind.Choice && (command.Word != GlobalWord.None || !IsFor(field, message.ChoiceData)))
        {
            turn.Note(DialogTexts.StaleButton);
            turn.Say(Prompts.Question(field, draft));
            return;
        }

        var result = AnswerParser.Parse(field, message, turn.Today);
        if (!result.Ok)
        {
            Strike(turn, draft, field, result.Problem!);
            return;
        }

        draft.Strikes = 0;
        if (field.Type == FieldType.Photo)
        {
            AddPhotos(turn, form, draft, machine, field, result.Answer!);
        }
        else if (field.Type == FieldType.Multi && message.Kind == InboundKind.Choice)
        {
            Toggle(turn, draft, field, result.Answer!);
        }
        else
        {
            draft.Answers[field.Name] = result.Answer!;
            FormDialog.Advance(turn, form, draft, machine);
        }
    }

    /// <summary>An invalid answer: the parser's hint and the question again; from the third in a row, the way out too.</summary>
    private static void Strike(Turn turn, Draft draft, FieldDefinition field, string problem)
    {
        draft.Strikes++;
        // The choice hints list the options already; listing them twice in one message only confuses.
        var listOptions = !problem.Contains("\n1. ", StringComparison.Ordinal);
        turn.Note(problem);
        turn.Say(draft.Strikes >= DialogLimits.StrikesForHelp
            ? Prompts.QuestionWithWayOut(field, draft, listOptions)
            : Prompts.Question(field, draft, listOptions));
    }

    private static void AddPhotos(Turn turn, FormDefinition form, Draft draft, FormMachine machine, FieldDefinition field, Answer answer)
    {
        var max = PhotoLimit(field);
        var photos = draft.Answers.GetValueOrDefault(field.Name)?.PhotoIds ?? [];
        if (photos.Count >= max)
        {
            turn.Say(new Reply(DialogTexts.PhotoFull(max), [GlobalWords.Button(DialogTexts.ButtonSelesai, GlobalWord.Selesai)]));
            return;
        }

        List<string> all = [.. photos, .. answer.PhotoIds ?? []];
        draft.Answers[field.Name] = new Answer { PhotoIds = all };
        if (all.Count >= max)
        {
            turn.Note(DialogTexts.PhotoLast(all.Count));
            FormDialog.Advance(turn, form, draft, machine);
        }
        else
        {
            turn.Say(new Reply(DialogTexts.PhotoReceived(all.Count), [GlobalWords.Button(DialogTexts.ButtonSelesai, GlobalWord.Selesai)]));
        }
    }

    private static void FinishPhotos(Turn turn, FormDefinition form, Draft draft, FormMachine machine, FieldDefinition field)
    {
        if (draft.Answers.GetValueOrDefault(field.Name)?.PhotoIds is { Count: > 0 })
        {
            FormDialog.Advance(turn, form, draft, machine);
        }
        else if (field.Optional)
        {
            draft.Answers[field.Name] = Answer.Skip;
            FormDialog.Advance(turn, form, draft, machine);
        }
        else
        {
            turn.Note(DialogTexts.PhotoRequired);
            turn.Say(Prompts.Question(field, draft));
        }
    }

    /// <summary>A multi option pressed: picked, or unpicked when pressed again; the kader ends with <c>selesai</c>.</summary>
    private static void Toggle(Turn turn, Draft draft, FieldDefinition field, Answer answer)
    {
        foreach (var value in answer.Options ?? [])
        {
            if (!draft.Selection.Remove(value))
            {
                draft.Selection.Add(value);
            }
        }

        var picked = field.Options.Where(o => draft.Selection.Contains(o.Value)).Select(o => o.Label).ToList();
        var question = Prompts.Question(field, draft, listOptions: false);
        turn.Say(question with
        {
            Text = picked.Count > 0 ? DialogTexts.MultiPicked(string.Join(", ", picked)) : DialogTexts.MultiNothing,
            Buttons = [.. question.Buttons, GlobalWords.Button(DialogTexts.ButtonSelesai, GlobalWord.Selesai)],
        });
    }

    /// <summary>The picks are read as if typed ("1, 3"), so the parser's rules (e.g. "tidak ada" stands alone) apply to buttons too.</summary>
    private static void FinishSelection(Turn turn, FormDefinition form, Draft draft, FormMachine machine, FieldDefinition field)
    {
        if (draft.Selection.Count == 0)
        {
            turn.Note(DialogTexts.MultiNothing);
            turn.Say(Prompts.Question(field, draft));
            return;
        }

        var numbers = field.Options.Select((o, i) => (o, i)).Where(p => draft.Selection.Contains(p.o.Value)).Select(p => p.i + 1);
        var result = AnswerParser.Parse(field, Inbound.OfText(string.Join(", ", numbers)), turn.Today);
        draft.Selection.Clear();
        if (!result.Ok)
        {
            Strike(turn, draft, field, result.Problem!);
            return;
        }

        draft.Strikes = 0;
        draft.Answers[field.Name] = result.Answer!;
        FormDialog.Advance(turn, form, draft, machine);
    }

    private static bool IsFor(FieldDefinition field, string? data) =>
        data is not null && data.StartsWith($"c:{field.Name}:", StringComparison.Ordinal);
}
