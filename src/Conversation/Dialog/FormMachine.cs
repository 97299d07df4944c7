using Posyandu.Conversation.Forms;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace Posyandu.Conversation.Dialog;

/// <summary>
/// The Stateless machine of one form over one draft: a state per field plus the summary, the cancel confirmation and the
/// two ends. The step lives in the draft, so the machine is rebuilt for every message and fired once (style.md habit 6).
/// </summary>
public sealed class FormMachine
{
    /// <summary>A new draft's step, before the first question.</summary>
    public const string Start = "mulai";
    public const string Summary = "ringkasan";
    public const string CancelConfirmation = "konfirmasi_batal";
    public const string Submitted = "terkirim";
    public const string Cancelled = "dibatalkan";

    private readonly FormDefinition _form;
    private readonly Draft _draft;
    private readonly DateOnly _today;
    private readonly FormRules _rules;
    private readonly StateMachine<string, FormTrigger> _machine;
    private readonly StateMachine<string, FormTrigger>.TriggerWithParameters<int> _edit;

    public FormMachine(FormDefinition form, Draft draft, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(draft);
        _form = form;
        _draft = draft;
        _today = today;
        _rules = FormRules.For(form);
        _machine = new StateMachine<string, FormTrigger>(() => draft.Step, step => draft.Step = step);
        _edit = _machine.SetTriggerParameters<int>(FormTrigger.Edit);

        var fields = form.Fields;
        ConfigureNext(_machine.Configure(Start), from: -1);

        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var state = _machine.Configure(field.Name)
                .OnEntryFrom(FormTrigger.Next, () => Asked(field, changing: false), "tanya")
                .OnEntryFrom(FormTrigger.Back, () => Asked(field, changing: false), "tanya lagi")
                .OnEntryFrom(_edit, _ => Asked(field, changing: true), "tanya untuk diubah")
                .Permit(FormTrigger.Cancel, CancelConfirmation);
            ConfigureNext(state, from: i);
            state.PermitIf(FormTrigger.Back, Summary, () => draft.Editing, "sedang mengubah: batal mengubah");
            ConfigureBack(state, from: i);
        }

        var summary = _machine.Configure(Summary)
            .OnEntry(() => draft.Editing = false, "selesai mengubah")
            .OnExit(t => draft.Editing = t.Trigger == FormTrigger.Edit, "ubah N: mulai mengubah")
            .PermitDynamic(_edit, AtSummaryLine, "ubah N: pertanyaan nomor N di ringkasan", Destinations(fields, "ubah N"))
            .Permit(FormTrigger.Submit, Submitted)
            .Permit(FormTrigger.Cancel, CancelConfirmation);
        ConfigureBack(summary, from: fields.Count);

        _machine.Configure(CancelConfirmation)
            .OnEntry(t => draft.ReturnStep = t.Source, "ingat langkah sebelumnya")
            .Permit(FormTrigger.ConfirmCancel, Cancelled)
            .PermitDynamic(FormTrigger.KeepGoing, () => draft.ReturnStep ?? Summary, "kembali ke langkah sebelumnya",
                Destinations([.. fields], "tidak jadi batal", Summary));

        _machine.Configure(Submitted);
        _machine.Configure(Cancelled);
    }

    /// <summary>The current step: a field name or one of the step constants.</summary>
    public string Step => _machine.State;

    /// <summary>The field being asked, or null at the summary and the other steps.</summary>
    public FieldDefinition? CurrentField => _form.Field(_machine.State);

    /// <summary>The visible fields in order: the numbered lines of the summary.</summary>
    public IReadOnlyList<FieldDefinition> SummaryFields => _rules.VisibleFields(_draft.Answers, _today);

    public bool CanFire(FormTrigger trigger) => _machine.CanFire(trigger);

    public void Fire(FormTrigger trigger) => _machine.Fire(trigger);

    /// <summary>From the summary, changes answer number <paramref name="line"/> (1-based, as numbered in the summary).</summary>
    public void Edit(int line) => _machine.Fire(_edit, line);

    /// <summary>The whole machine of <paramref name="form"/> as a Mermaid state diagram, guards included.</summary>
    public static string ToMermaid(FormDefinition form)
    {
        var machine = new FormMachine(form, new Draft { Topic = form.Topic }, DateOnly.MinValue);
        return MermaidGraph.Format(machine._machine.GetInfo());
    }

    /// <summary>
    /// Next from field <paramref name="from"/> (-1 = the start): to each later field whose showIf holds while every field
    /// between is hidden, stopping at the first field that is always asked; the guards exclude each other. While changing
    /// an answer from the summary, Next instead goes to a newly visible unanswered field, or back to the summary.
    /// </summary>
    private void ConfigureNext(StateMachine<string, FormTrigger>.StateConfiguration state, int from)
    {
        var fields = _form.Fields;
        var skipped = new List<FieldDefinition>();
        var reachedEnd = true;
        for (var j = from + 1; j < fields.Count; j++)
        {
            var target = fields[j];
            var between = skipped.ToList();
            state.PermitIf(FormTrigger.Next, target.Name,
                () => !_draft.Editing && between.All(f => !IsVisible(f)) && IsVisible(target),
                Describe(between, target));
            if (target.ShowIf is null)
            {
                reachedEnd = false;
                break;
            }

            skipped.Add(target);
        }

        if (reachedEnd)
        {
            var between = skipped.ToList();
            state.PermitIf(FormTrigger.Next, Summary, () => !_draft.Editing && between.All(f => !IsVisible(f)), Describe(between, null));
        }

        if (from >= 0)
        {
            state.PermitDynamicIf(FormTrigger.Next, () => NextUnanswered(from), () => _draft.Editing,
                "sedang mengubah: pertanyaan baru yang muncul, atau ringkasan",
                Destinations([.. fields.Skip(from + 1).Where(f => f.ShowIf is not null)], "baru muncul", Summary));
        }
    }

    /// <summary>Back from field <paramref name="from"/> (the field count = the summary): to the nearest earlier visible field.</summary>
    private void ConfigureBack(StateMachine<string, FormTrigger>.StateConfiguration state, int from)
    {
        var fields = _form.Fields;
        var skipped = new List<FieldDefinition>();
        for (var j = from - 1; j >= 0; j--)
        {
            var target = fields[j];
            var between = skipped.ToList();
            state.PermitIf(FormTrigger.Back, target.Name,
                () => !_draft.Editing && between.All(f => !IsVisible(f)) && IsVisible(target),
                "kembali: " + Describe(between, target));
            if (target.ShowIf is null)
            {
                break;
            }

            skipped.Add(target);
        }
    }

    private bool IsVisible(FieldDefinition field) =>
        _rules.IsVisible(field, AnswerValues.Lookup(_form, _draft.Answers, _today));

    private string NextUnanswered(int from) =>
        _form.Fields.Skip(from + 1).FirstOrDefault(f => IsVisible(f) && !_draft.Answers.ContainsKey(f.Name))?.Name ?? Summary;

    private string AtSummaryLine(int line)
    {
        var fields = SummaryFields;
        return line >= 1 && line <= fields.Count
            ? fields[line - 1].Name
            : throw new ArgumentOutOfRangeException(nameof(line), line, $"The summary has lines 1 to {fields.Count}.");
    }

    /// <summary>
    /// Entering a question resets its try counter and button picks. Changing a photo answer starts its photos afresh,
    /// while going back to it keeps them (the kader may add more or type selesai).
    /// </summary>
    private void Asked(FieldDefinition field, bool changing)
    {
        _draft.Strikes = 0;
        _draft.Selection.Clear();
        if (changing && field.Type == FieldType.Photo)
        {
            _draft.Answers.Remove(field.Name);
        }
    }

    private static string Describe(IReadOnlyList<FieldDefinition> hidden, FieldDefinition? target)
    {
        var parts = hidden.Select(f => $"not ({f.ShowIf})").ToList();
        if (target?.ShowIf is { } showIf)
        {
            parts.Add($"showIf: {showIf}");
        }

        return parts.Count == 0 ? "urut" : string.Join(" and ", parts);
    }

    private static DynamicStateInfos Destinations(IEnumerable<FieldDefinition> fields, string criterion, string? also = null)
    {
        var infos = new DynamicStateInfos();
        foreach (var field in fields)
        {
            infos.Add(field.Name, criterion);
        }

        if (also is not null)
        {
            infos.Add(also, criterion);
        }

        return infos;
    }
}
