using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Parsing;
using Posyandu.Conversation.Tests.Forms;

namespace Posyandu.Conversation.Tests.Growth;

/// <summary>The catalog additions KS-BALITA needs, usable by any topic: a date's age limit and the z-score functions.</summary>
public sealed class GrowthCatalogRulesTests
{
    private static readonly DateOnly Today = new(2025, 11, 23);
    private static readonly FieldDefinition BirthDate = FormCatalog.LoadDefault().Find("KS-BALITA")!.Field("tanggal_lahir")!;

    [Theory]
    [InlineData("24/11/2020", true)]   // 59 months and 30 days old: still 59 months
    [InlineData("23/11/2020", false)]  // 60 months old to the day
    [InlineData("1/1/2019", false)]
    [InlineData("hari ini", true)]      // a newborn
    [InlineData("24/11/2025", false)]  // tomorrow
    public void A_birth_date_must_be_0_to_59_months_ago(string text, bool accepted)
    {
        var result = AnswerParser.Parse(BirthDate, Inbound.OfText(text), Today);

        Assert.Equal(59, BirthDate.MaxMonthsAgo);
        Assert.Equal(accepted, result.Answer is not null);
        if (!accepted && text.Contains("2020", StringComparison.Ordinal))
        {
            Assert.Contains("lebih dari 59 bulan yang lalu", result.Problem, StringComparison.Ordinal);
            Assert.Contains("24/11/2020", result.Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"type\": \"text\", \"maxMonthsAgo\": 12", "field 'x': maxMonthsAgo is only for date fields")]
    [InlineData("\"type\": \"date\", \"maxMonthsAgo\": -1", "field 'x': maxMonthsAgo must not be negative")]
    public void A_misplaced_age_limit_stops_the_load(string field, string expected)
    {
        using var folder = new TempCatalog().With("PR-UJI.json", $$"""
            { "topic": "PR-UJI", "bidang": "PR", "title": "Uji", "common": [],
              "fields": [ { "name": "x", {{field}}, "label": "X", "question": "X?" } ] }
            """);

        var error = Assert.Throws<CatalogException>(() => FormCatalog.Load(folder.Folder));

        Assert.Equal("PR-UJI.json: " + expected, error.Message);
    }

    [Fact]
    public void A_z_score_function_with_a_wrong_argument_count_stops_the_load()
    {
        using var folder = new TempCatalog().With("PR-UJI.json", """
            { "topic": "PR-UJI", "bidang": "PR", "title": "Uji", "common": [],
              "fields": [ { "name": "berat", "type": "decimal", "label": "Berat", "question": "Berat?" } ],
              "derived": [ { "name": "z", "label": "Z", "expression": "zscore_bbu('l', berat)" } ] }
            """);

        var error = Assert.Throws<CatalogException>(() => FormCatalog.Load(folder.Folder));

        Assert.Contains("zscore_bbu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_topic_may_score_and_a_wrong_sex_code_is_a_rule_error()
    {
        using var folder = new TempCatalog().With("KS-UJI.json", """
            { "topic": "KS-UJI", "bidang": "KS", "title": "Uji", "common": [],
              "fields": [ { "name": "berat", "type": "decimal", "label": "Berat", "question": "Berat?" } ],
              "derived": [
                { "name": "z", "label": "Z", "expression": "zscore_bbu('p', 1522, berat)", "decimals": 2 },
                { "name": "salah", "label": "Salah", "expression": "zscore_bbu('x', 1522, berat)" },
                { "name": "lengan", "label": "Lengan", "expression": "zscore_lilau('l', 365, 12)", "decimals": 2 } ] }
            """);
        var form = Assert.Single(FormCatalog.Load(folder.Folder).Forms);
        var answers = new Dictionary<string, Answer> { ["berat"] = new() { Number = 17 } };

        var assessment = FormAssessor.Assess(form, answers, Today);

        Assert.Equal(["z:0,24", "lengan:-2,56"], assessment.Values.Select(v => $"{v.Name}:{v.Display}"));
        Assert.StartsWith("KS-UJI derived 'salah': zscore_bbu() needs sex 'l' or 'p' first", Assert.Single(assessment.RuleErrors), StringComparison.Ordinal);
        Assert.Equal(Urgency.Darurat, assessment.Urgency);
    }
}
