using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Forms;

/// <summary>
/// A rule that could never be evaluated (a text compared with a number, a list where a text belongs, a condition that is
/// not true/false) is refused when the catalog is loaded, in one line naming the file and the rule.
/// </summary>
public sealed class CatalogTypeCheckTests
{
    // One field of each kind the rules below read.
    private const string Topic = """
        {
          "topic": "PR-UJI", "bidang": "PR", "title": "Uji", "common": [],
          "fields": [
            { "name": "nama", "type": "text", "label": "Nama", "question": "Nama?" },
            { "name": "jumlah", "type": "integer", "label": "Jumlah", "question": "Berapa?" },
            { "name": "sakit", "type": "yesno", "label": "Sakit", "question": "Sakit?" },
            { "name": "lahir", "type": "date", "label": "Lahir", "question": "Lahir?" },
            { "name": "atap", "type": "choice", "label": "Atap", "question": "Atapnya?",
              "options": [ { "value": "baik", "label": "Baik" }, { "value": "rusak", "label": "Rusak" } ] },
            { "name": "bahaya", "type": "multi", "label": "Bahaya", "question": "Bahaya?",
              "options": [ { "value": "api", "label": "Api" }, { "value": "air", "label": "Air" } ] },
            { "name": "foto", "type": "photo", "label": "Foto", "question": "Foto?", "optional": true, "showIf": "SHOW_IF" }
          ],
          "derived": [ { "name": "teks", "label": "Teks", "expression": "if(sakit, nama, null)" } ],
          "flags": [ { "code": "uji", "when": "FLAG", "label": "Uji" } ],
          "urgency": [ { "level": "darurat", "when": "URGENCY" } ]
        }
        """;

    [Theory]
    [InlineData("jumlah > 3 and sakit", "atap == 'rusak'", "'api' in bahaya")]
    [InlineData("months_between(lahir, today) < 12", "count(sakit, atap == 'baik') >= 1", "contains(bahaya, atap)")]
    [InlineData("teks == 'x'", "min(jumlah, 3) == 3 or not sakit", "if(answered(jumlah), jumlah > 1, null)")]
    public void Well_typed_rules_load(string urgency, string flag, string showIf)
    {
        using var folder = new TempCatalog().With("PR-UJI.json", With(urgency, flag, showIf));

        Assert.Single(FormCatalog.Load(folder.Folder).Forms);
    }

    [Theory]
    [InlineData("nama > 3", "PR-UJI.json: urgency[0]: when: Cannot apply '>' to text and number at position 6 in: nama > 3")]
    [InlineData("atap == 1", "PR-UJI.json: urgency[0]: when: Cannot apply '==' to text and number")]
    [InlineData("lahir < 2020", "PR-UJI.json: urgency[0]: when: Cannot apply '<' to date and number")]
    [InlineData("teks < 3", "PR-UJI.json: urgency[0]: when: Cannot apply '<' to text and number")]
    [InlineData("bahaya in ['api']", "PR-UJI.json: urgency[0]: when: Cannot apply 'in' to list and list")]
    [InlineData("jumlah + nama > 1", "PR-UJI.json: urgency[0]: when: '+' needs number, got text")]
    [InlineData("sakit and jumlah", "PR-UJI.json: urgency[0]: when: 'and' needs true/false, got number")]
    [InlineData("jumlah", "PR-UJI.json: urgency[0]: when: a condition must give true or false, but this gives number: jumlah")]
    [InlineData("days_between(lahir, jumlah) > 3", "PR-UJI.json: urgency[0]: when: days_between() argument 2 needs date, got number")]
    [InlineData("max(lahir, jumlah) > 3", "PR-UJI.json: urgency[0]: when: max() needs all numbers or all dates")]
    [InlineData("zscore_bbu(jumlah, 100, 8) < -3", "PR-UJI.json: urgency[0]: when: zscore_bbu() argument 1 needs text, got number")]
    [InlineData("round(jumlah) > 1", "PR-UJI.json: urgency[0]: when: round() takes 2 argument(s), got 1")]
    public void An_urgency_rule_that_cannot_be_evaluated_stops_the_load(string urgency, string expectedStart)
    {
        AssertRefused(With(urgency: urgency), expectedStart);
    }

    [Fact]
    public void A_flag_and_a_show_if_are_checked_too()
    {
        AssertRefused(With(flag: "contains(atap, 'baik')"), "PR-UJI.json: flag 'uji': when: contains() argument 1 needs list, got text");
        AssertRefused(With(showIf: "sakit == 'ya'"), "PR-UJI.json: field 'foto': showIf: Cannot apply '==' to true/false and text");
    }

    [Fact]
    public void A_derived_value_carries_its_type_to_later_rules()
    {
        var json = With(flag: "teks == 'x'").Replace("if(sakit, nama, null)", "jumlah * 2", StringComparison.Ordinal);

        AssertRefused(json, "PR-UJI.json: flag 'uji': when: Cannot apply '==' to number and text");
    }

    [Fact]
    public void The_flag_code_of_a_failed_rule_is_reserved()
    {
        AssertRefused(With().Replace("\"code\": \"uji\"", "\"code\": \"aturan_gagal\"", StringComparison.Ordinal),
            "PR-UJI.json: flag 'aturan_gagal': 'aturan_gagal' is reserved");
    }

    private static string With(string urgency = "sakit", string flag = "jumlah > 3", string showIf = "sakit") =>
        Topic.Replace("URGENCY", urgency, StringComparison.Ordinal)
            .Replace("FLAG", flag, StringComparison.Ordinal)
            .Replace("SHOW_IF", showIf, StringComparison.Ordinal);

    private static void AssertRefused(string json, string expectedStart)
    {
        using var folder = new TempCatalog().With("PR-UJI.json", json);

        var error = Assert.Throws<CatalogException>(() => FormCatalog.Load(folder.Folder));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
