using System.Globalization;
using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Dialog;

/// <summary>A message at the summary: <c>kirim</c>, <c>ubah N</c>, or a reminder of what the summary expects.</summary>
internal static partial class SummaryStep
{
    public static void Handle(Turn turn, FormDefinition form, Draft draft, FormMachine machine, Inbound message)
    {
        var command = GlobalWords.Read(message);
        switch (command.Word)
        {
            case GlobalWord.Kirim:
                Submit(turn, form, draft, machine);
                return;
            case GlobalWord.Batal:
                machine.Fire(FormTrigger.Cancel);
                turn.Say(Prompts.CancelQuestion());
                return;
            case GlobalWord.Kembali when machine.CanFire(FormTrigger.Back):
                machine.Fire(FormTrigger.Back);
                FormDialog.AskStep(turn, form, draft, machine);
                return;
            case GlobalWord.Bantuan:
                turn.Note(DialogTexts.SummaryHelp);
                turn.Say(FormDialog.Summary(turn, form, draft, machine));
                return;
            case GlobalWord.Menu:
                turn.Note(DialogTexts.SavedDraft);
                MenuDialog.ShowMenu(turn);
                return;
            case GlobalWord.Lewati:
                turn.Note(DialogTexts.SummaryNothingToSkip);
                turn.Say(SummaryFooter());
                return;
        }

        if (message.Kind == InboundKind.Choice)
        {
            turn.Note(DialogTexts.StaleButton);
            turn.Say(SummaryFooter());
            return;
        }

        var lines = machine.SummaryFields.Count;
        if (EditCommand().Match(GlobalWords.Normalize(message.Text)) is { Success: true } edit)
        {
            if (!int.TryParse(edit.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                turn.Say(SummaryFooter(DialogTexts.EditWhich(lines)));
            }
            else if (line < 1 || line > lines)
            {
                turn.Say(SummaryFooter(DialogTexts.EditNoSuchLine(line, lines)));
            }
            else
            {
                machine.Edit(line);
                FormDialog.AskStep(turn, form, draft, machine);
            }

            return;
        }

        turn.Say(SummaryFooter(DialogTexts.SummaryNotSent));
    }

    private static void Submit(Turn turn, FormDefinition form, Draft draft, FormMachine machine)
    {
        var visible = machine.SummaryFields;
        machine.Fire(FormTrigger.Submit);

        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var field in visible.Where(f => draft.Answers.ContainsKey(f.Name)))
        {
            answers[field.Name] = draft.Answers[field.Name];
        }

        // The address is the common field "alamat"; RT/RW, the pin and the photos are found by their field type.
        var given = visible.Where(f => answers.TryGetValue(f.Name, out var a) && !a.Skipped).ToList();
        turn.Submitted = new SubmittedForm(
            form,
            answers,
            [.. given.Select(f => new AnswerLine(f.Name, f.Label, AnswerDisplay.Format(f, answers[f.Name])))],
            FormAssessor.Assess(form, answers, turn.Today, turn.Growth),
            Address: answers.GetValueOrDefault("alamat")?.Text,
            RtRw: given.FirstOrDefault(f => f.Type == FieldType.RtRw) is { } rtRw ? answers[rtRw.Name].Text : null,
            Location: given.Where(f => f.Type == FieldType.Location).Select(f => answers[f.Name].Location).FirstOrDefault(p => p is not null),
            PhotoIds: [.. given.Where(f => f.Type == FieldType.Photo).SelectMany(f => answers[f.Name].PhotoIds ?? [])]);

        turn.Session.Drafts.Remove(form.Topic);
        turn.Session.Mode = DialogMode.Menu;
        turn.Session.Topic = null;
    }

    /// <summary>A short reminder of what the summary expects, instead of the whole summary again.</summary>
    private static Reply SummaryFooter(string? before = null) =>
        new(before is null ? DialogTexts.SummaryFooter : $"{before}\n{DialogTexts.SummaryFooter}",
            [GlobalWords.Button(DialogTexts.ButtonKirim, GlobalWord.Kirim)]);

    [GeneratedRegex(@"^(ubah|ganti|edit|koreksi|perbaiki)\s*(no\.?|nomor|nomer)?\s*(?<n>\d+)?$")]
    private static partial Regex EditCommand();
}
