using System.Text;
using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Parsing;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Dialog;

/// <summary>Builds the messages the engine sends: questions with their buttons, the summary, the menus and offers.</summary>
internal static class Prompts
{
    /// <summary>
    /// A question as the kader sees it: the question, the options numbered (unless <paramref name="listOptions"/> is false
    /// because a hint just listed them) and as buttons, the skip hint and button for optional fields.
    /// </summary>
    public static Reply Question(FieldDefinition field, Draft draft, bool listOptions = true)
    {
        var text = new StringBuilder(field.Question);
        if (field.Optional)
        {
            text.Append(' ').Append(DialogTexts.Optional);
        }

        var buttons = new List<Button>();
        switch (field.Type)
        {
            case FieldType.Choice or FieldType.Multi:
                if (listOptions)
                {
                    text.Append('\n').AppendJoin('\n', field.Options.Select((o, i) => DialogTexts.Numbered(i + 1, o.Label)));
                }

                text.Append('\n').Append(field.Type == FieldType.Multi ? DialogTexts.MultiFooter : DialogTexts.ChoiceFooter);
                buttons.AddRange(field.Options.Select((o, i) => new Button(o.Label, AnswerParser.ChoiceButtonData(field.Name, i + 1))));
                break;
            case FieldType.YesNo:
                text.Append("\n1. Ya\n2. Tidak");
                buttons.Add(new Button("Ya", AnswerParser.ChoiceButtonData(field.Name, 1)));
                buttons.Add(new Button("Tidak", AnswerParser.ChoiceButtonData(field.Name, 2)));
                break;
            case FieldType.Photo when draft.Answers.GetValueOrDefault(field.Name)?.PhotoIds is { Count: > 0 } photos:
                var max = QuestionStep.PhotoLimit(field);
                text.Append('\n').Append(photos.Count >= max ? DialogTexts.PhotoFull(max) : DialogTexts.PhotoKept(photos.Count));
                buttons.Add(GlobalWords.Button(DialogTexts.ButtonSelesai, GlobalWord.Selesai));
                break;
        }

        if (field.Optional)
        {
            buttons.Add(GlobalWords.Button(DialogTexts.ButtonLewati, GlobalWord.Lewati));
        }

        return new Reply(text.ToString(), buttons, field.Type == FieldType.Location ? ReplyRequest.Location : ReplyRequest.None);
    }

    /// <summary>The question once more after the third invalid try: with the example, the buttons and the way out.</summary>
    public static Reply QuestionWithWayOut(FieldDefinition field, Draft draft, bool listOptions)
    {
        var question = Question(field, draft, listOptions);
        var text = new StringBuilder(question.Text);
        if (field.Example is { } example)
        {
            text.Append('\n').Append(DialogTexts.Example(example));
        }

        text.Append('\n').Append(DialogTexts.WayOut);
        List<Button> buttons =
        [
            .. question.Buttons,
            GlobalWords.Button(DialogTexts.ButtonBantuan, GlobalWord.Bantuan),
            GlobalWords.Button(DialogTexts.ButtonMenu, GlobalWord.Menu),
            GlobalWords.Button(DialogTexts.ButtonBatal, GlobalWord.Batal),
        ];
        return question with { Text = text.ToString(), Buttons = buttons };
    }

    /// <summary>What <c>bantuan</c> explains about a field: its help text (or the parser's hint) and the example.</summary>
    public static string Help(FieldDefinition field, DateOnly today)
    {
        var help = field.Help ?? AnswerParser.Hint(field, today);
        return field.Example is { } example ? $"{help}\n{DialogTexts.Example(example)}" : help;
    }

    public static Reply Summary(FormDefinition form, IReadOnlyList<FieldDefinition> lines, IReadOnlyDictionary<string, Answer> answers, Assessment assessment)
    {
        var text = new StringBuilder(DialogTexts.SummaryTitle(form.Title));
        for (var i = 0; i < lines.Count; i++)
        {
            var field = lines[i];
            var shown = answers.TryGetValue(field.Name, out var answer) ? AnswerDisplay.Format(field, answer) : "-";
            text.Append('\n').Append(DialogTexts.Numbered(i + 1, $"{field.Label}: {shown}"));
        }

        if (assessment.Values.Count > 0)
        {
            text.Append("\n\n").Append(DialogTexts.SummaryAssessment);
            foreach (var value in assessment.Values)
            {
                text.Append('\n').Append(value.Label).Append(": ").Append(value.Display);
            }
        }

        if (assessment.Flags.Count > 0)
        {
            text.Append("\n\n").Append(DialogTexts.SummaryFlags);
            foreach (var flag in assessment.Flags)
            {
                text.Append("\n- ").Append(flag.Label);
            }
        }

        text.Append("\n\n").Append(DialogTexts.SummaryUrgency(assessment.Urgency));
        text.Append("\n\n").Append(DialogTexts.SummaryFooter);
        return new Reply(text.ToString(), [GlobalWords.Button(DialogTexts.ButtonKirim, GlobalWord.Kirim)]);
    }

    public static Reply Menu(IReadOnlyList<Bidang> order, FormDefinition? draftForm)
    {
        var text = new StringBuilder(DialogTexts.MenuTitle);
        for (var i = 0; i < order.Count; i++)
        {
            text.Append('\n').Append(DialogTexts.Numbered(i + 1, order[i].Name));
        }

        text.Append('\n').Append(DialogTexts.MenuFooter);
        var buttons = order.Select(b => new Button(b.Name, MenuData.Bidang(b.Code))).ToList();
        if (draftForm is not null)
        {
            text.Append("\n\n").Append(DialogTexts.MenuDraft(draftForm.Title));
            buttons.Add(GlobalWords.Button(DialogTexts.ButtonLanjut, GlobalWord.Lanjut));
        }

        return new Reply(text.ToString(), buttons);
    }

    public static Reply Topics(Bidang bidang, IReadOnlyList<FormDefinition> forms)
    {
        var text = new StringBuilder(DialogTexts.TopicsTitle(bidang.Name));
        for (var i = 0; i < forms.Count; i++)
        {
            text.Append('\n').Append(DialogTexts.Numbered(i + 1, forms[i].Title));
        }

        text.Append('\n').Append(DialogTexts.TopicsFooter);
        return new Reply(text.ToString(), [.. forms.Select(f => new Button(f.Title, MenuData.Topic(f.Topic)))]);
    }

    public static Reply ResumeOffer(FormDefinition form, Draft draft, TimeZoneInfo timeZone) =>
        new(DialogTexts.ResumeOffer(form.Title, draft.Answers.Count, LocalDate(draft.UpdatedAt, timeZone)),
            [GlobalWords.Button(DialogTexts.ButtonLanjut, GlobalWord.Lanjut), GlobalWords.Button(DialogTexts.ButtonBaru, GlobalWord.Baru)]);

    public static Reply CancelQuestion() =>
        new(DialogTexts.CancelQuestion,
            [new Button(DialogTexts.ButtonYesCancel, CancelAnswer.YesData), new Button(DialogTexts.ButtonNoCancel, CancelAnswer.NoData)]);

    public static DateOnly LocalDate(DateTimeOffset moment, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, timeZone).DateTime);
}
