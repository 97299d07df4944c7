using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Dialog;

public sealed class FormMachineTests
{
    private static readonly DateOnly Today = new(2025, 11, 23);
    private static readonly FormDefinition Uji = TestFiles.Catalog("uji").Find("KS-UJI")!;

    [Fact]
    public void Next_skips_fields_whose_showIf_is_false_and_asks_those_whose_showIf_holds()
    {
        var draft = Started(Uji);
        Give(draft, "nama", new Answer { Text = "Sari" });
        Give(draft, "hamil", new Answer { Yes = false });
        Assert.Equal("tanggal_periksa", draft.Step);

        var other = Started(Uji);
        Give(other, "nama", new Answer { Text = "Sari" });
        Give(other, "hamil", new Answer { Yes = true });
        Assert.Equal("usia_kehamilan", other.Step);
    }

    [Fact]
    public void Back_returns_to_the_previous_asked_field_and_is_refused_at_the_first()
    {
        var draft = Started(Uji);
        var machine = new FormMachine(Uji, draft, Today);
        Assert.False(machine.CanFire(FormTrigger.Back));

        Give(draft, "nama", new Answer { Text = "Sari" });
        Give(draft, "hamil", new Answer { Yes = false });
        machine = new FormMachine(Uji, draft, Today);
        machine.Fire(FormTrigger.Back);
        Assert.Equal("hamil", draft.Step);
    }

    [Fact]
    public void Edit_goes_to_the_summary_line_and_a_newly_visible_field_is_asked_before_returning()
    {
        var draft = Started(Uji);
        Give(draft, "nama", new Answer { Text = "Sari" });
        Give(draft, "hamil", new Answer { Yes = false });
        Give(draft, "tanggal_periksa", new Answer { Date = Today });
        Give(draft, "telepon", Answer.Skip);
        Give(draft, "catatan", Answer.Skip);
        Assert.Equal(FormMachine.Summary, draft.Step);

        new FormMachine(Uji, draft, Today).Edit(2);
        Assert.Equal("hamil", draft.Step);
        Assert.True(draft.Editing);

        Give(draft, "hamil", new Answer { Yes = true });
        Assert.Equal("usia_kehamilan", draft.Step);
        Give(draft, "usia_kehamilan", new Answer { Number = 20 });
        Assert.Equal("tanda_bahaya", draft.Step);
        Give(draft, "tanda_bahaya", new Answer { Options = ["tidak_ada"] });
        Assert.Equal(FormMachine.Summary, draft.Step);
        Assert.False(draft.Editing);
    }

    [Fact]
    public void Cancel_remembers_the_step_and_keep_going_returns_to_it()
    {
        var draft = Started(Uji);
        Give(draft, "nama", new Answer { Text = "Sari" });
        var machine = new FormMachine(Uji, draft, Today);
        machine.Fire(FormTrigger.Cancel);
        Assert.Equal(FormMachine.CancelConfirmation, draft.Step);

        new FormMachine(Uji, draft, Today).Fire(FormTrigger.KeepGoing);
        Assert.Equal("hamil", draft.Step);

        new FormMachine(Uji, draft, Today).Fire(FormTrigger.Cancel);
        new FormMachine(Uji, draft, Today).Fire(FormTrigger.ConfirmCancel);
        Assert.Equal(FormMachine.Cancelled, draft.Step);
    }

    [Fact]
    public void Submit_is_only_possible_from_the_summary()
    {
        var draft = Started(Uji);
        Assert.False(new FormMachine(Uji, draft, Today).CanFire(FormTrigger.Submit));
    }

    [Fact]
    public void The_mermaid_graph_names_every_state_and_explains_the_showIf_guards()
    {
        var graph = FormMachine.ToMermaid(Uji);

        Assert.StartsWith("stateDiagram-v2", graph, StringComparison.Ordinal);
        foreach (var state in Uji.Fields.Select(f => f.Name).Concat([FormMachine.Start, FormMachine.Summary, FormMachine.CancelConfirmation, FormMachine.Submitted, FormMachine.Cancelled]))
        {
            Assert.Contains(state, graph, StringComparison.Ordinal);
        }

        Assert.Contains("hamil --> usia_kehamilan : Next / tanya [showIf: hamil == true]", graph, StringComparison.Ordinal);
        Assert.Contains("hamil --> tanggal_periksa : Next / tanya [not (hamil == true) and not (hamil == true)]", graph, StringComparison.Ordinal);
        Assert.Contains("ringkasan --> terkirim : Submit", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rtlh_machine_walks_every_field_in_catalog_order()
    {
        var form = TestFiles.DefaultCatalog.Find("PR-RTLH")!;
        var draft = Started(form);
        var visited = new List<string>();
        while (draft.Step != FormMachine.Summary)
        {
            visited.Add(draft.Step);
            Give(draft, draft.Step, Answer.Skip);
        }

        Assert.Equal(form.Fields.Select(f => f.Name), visited);
    }

    private static Draft Started(FormDefinition form)
    {
        var draft = new Draft { Topic = form.Topic };
        new FormMachine(form, draft, Today).Fire(FormTrigger.Next);
        return draft;
    }

    /// <summary>As the engine does: store the answer, then fire Next on a machine rebuilt for this message.</summary>
    private static void Give(Draft draft, string field, Answer answer)
    {
        var form = draft.Topic == Uji.Topic ? Uji : TestFiles.DefaultCatalog.Find(draft.Topic)!;
        Assert.Equal(field, draft.Step);
        draft.Answers[field] = answer;
        new FormMachine(form, draft, Today).Fire(FormTrigger.Next);
    }
}
