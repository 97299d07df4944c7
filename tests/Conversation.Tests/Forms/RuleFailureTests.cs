using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Forms;

/// <summary>
/// A rule that still fails on some answers (a value, not a type, the load check cannot see) never lowers anything: it is
/// reported as a rule error, raises the urgency to darurat with a flag saying why, hides the reporter if it was the
/// hideReporterIf, and asks a question whose showIf failed.
/// </summary>
public sealed class RuleFailureTests
{
    private static readonly DateOnly Today = new(2025, 11, 23);

    [Fact]
    public void A_derived_value_that_fails_on_the_answers_raises_the_urgency_and_is_reported()
    {
        // round() allows 0 to 10 places; 11 is a value error only evaluation can see.
        using var folder = new TempCatalog().With("PR-UJI.json", """
            { "topic": "PR-UJI", "bidang": "PR", "title": "Uji", "common": [],
              "fields": [ { "name": "jumlah", "type": "integer", "label": "Jumlah", "question": "Berapa?" } ],
              "derived": [ { "name": "bulat", "label": "Bulat", "expression": "round(jumlah, 11)" } ],
              "urgency": [ { "level": "segera", "when": "bulat > 100" } ] }
            """);
        var form = Assert.Single(FormCatalog.Load(folder.Folder).Forms);

        var assessment = FormAssessor.Assess(form, new Dictionary<string, Answer> { ["jumlah"] = new() { Number = 500 } }, Today);

        Assert.Equal(Urgency.Darurat, assessment.Urgency);
        var error = Assert.Single(assessment.RuleErrors);
        Assert.StartsWith("PR-UJI derived 'bulat': round() needs a number and 0 to 10 places", error, StringComparison.Ordinal);
        Assert.EndsWith("in: round(jumlah, 11)", error, StringComparison.Ordinal);
        Assert.Equal(FormAssessor.RuleFailedCode, Assert.Single(assessment.Flags).Code);
    }

    [Fact]
    public void An_urgency_rule_with_a_type_error_raises_the_urgency_instead_of_lowering_it()
    {
        // Built directly, past the load check, as a catalog from an older version of the checker could be.
        var form = new FormDefinition
        {
            Topic = "PR-UJI", Bidang = "PR", Title = "Uji",
            Fields = [new FieldDefinition { Name = "nama", Type = FieldType.Text, Label = "Nama", Question = "Nama?" }],
            UrgencyRules = [new UrgencyRule(Urgency.Segera, "nama > 3")],
        };

        var assessment = FormAssessor.Assess(form, new Dictionary<string, Answer> { ["nama"] = new() { Text = "Budi" } }, Today);

        Assert.Equal(Urgency.Darurat, assessment.Urgency);
        var error = Assert.Single(assessment.RuleErrors);
        Assert.Equal("PR-UJI urgency[0]: Cannot apply '>' to text and number 3 at position 6 in: nama > 3", error);
        Assert.DoesNotContain("Budi", error, StringComparison.Ordinal);
        Assert.Contains(assessment.Flags, f => f.Code == FormAssessor.RuleFailedCode && f.Label.Contains("Darurat", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_hide_reporter_rule_hides_the_reporter()
    {
        var form = new FormDefinition
        {
            Topic = "SO-UJI", Bidang = "SO", Title = "Uji",
            Fields = [new FieldDefinition { Name = "nama", Type = FieldType.Text, Label = "Nama", Question = "Nama?" }],
            HideReporterIf = "nama == true",
        };

        var assessment = FormAssessor.Assess(form, new Dictionary<string, Answer> { ["nama"] = new() { Text = "Budi" } }, Today);

        Assert.True(assessment.HideReporter);
        Assert.Single(assessment.RuleErrors);
    }

    [Fact]
    public void A_failed_show_if_asks_the_question()
    {
        var form = new FormDefinition
        {
            Topic = "PR-UJI", Bidang = "PR", Title = "Uji",
            Fields =
            [
                new FieldDefinition { Name = "nama", Type = FieldType.Text, Label = "Nama", Question = "Nama?" },
                new FieldDefinition { Name = "umur", Type = FieldType.Integer, Label = "Umur", Question = "Umur?", ShowIf = "nama > 3" },
            ],
        };

        var visible = FormRules.For(form).VisibleFields(new Dictionary<string, Answer> { ["nama"] = new() { Text = "Budi" } }, Today);

        Assert.Equal(["nama", "umur"], visible.Select(f => f.Name));
    }

    [Fact]
    public void Rules_that_evaluate_report_no_error()
    {
        var form = FormCatalog.LoadDefault().Find("PR-RTLH")!;

        var assessment = FormAssessor.Assess(form, new Dictionary<string, Answer>(), Today);

        Assert.Empty(assessment.RuleErrors);
        Assert.DoesNotContain(assessment.Flags, f => f.Code == FormAssessor.RuleFailedCode);
    }
}
