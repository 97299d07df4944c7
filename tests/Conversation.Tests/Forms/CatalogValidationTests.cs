using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Forms;

/// <summary>Every kind of catalog mistake stops the load with one line naming the file and the field.</summary>
public sealed class CatalogValidationTests
{
    // A small valid topic; each case below breaks one thing in it.
    private const string Valid = """
        {
          "topic": "PR-UJI",
          "bidang": "PR",
          "title": "Uji",
          "common": [],
          "fields": [
            { "name": "jumlah", "type": "integer", "label": "Jumlah", "question": "Berapa?", "min": 1, "max": 30 },
            { "name": "atap", "type": "choice", "label": "Atap", "question": "Atapnya?",
              "options": [ { "value": "baik", "label": "Baik" }, { "value": "rusak", "label": "Rusak" } ] },
            { "name": "catatan", "type": "text", "label": "Catatan", "question": "Catatan?", "optional": true, "showIf": "atap == 'rusak'" }
          ],
          "derived": [ { "name": "dua_kali", "label": "Dua kali", "expression": "jumlah * 2" } ],
          "flags": [ { "code": "banyak", "when": "dua_kali > 10", "label": "Banyak: {dua_kali}" } ],
          "urgency": [ { "level": "segera", "when": "atap == 'rusak'" } ]
        }
        """;

    [Fact]
    public void The_unbroken_topic_loads()
    {
        using var folder = new TempCatalog().With("PR-UJI.json", Valid);
        var form = Assert.Single(FormCatalog.Load(folder.Folder).Forms);
        Assert.Equal(["jumlah", "atap", "catatan"], form.Fields.Select(f => f.Name));
    }

    [Theory]
    [InlineData("\"options\": [ { \"value\": \"baik\", \"label\": \"Baik\" }, { \"value\": \"rusak\", \"label\": \"Rusak\" } ]",
        "\"options\": []", "PR-UJI.json: field 'atap': choice has no options")]
    [InlineData("\"type\": \"integer\"", "\"type\": \"number\"",
        "PR-UJI.json: field 'jumlah': unknown type 'number' (expected one of text, integer, decimal, yesno, choice, multi, date, phone, nik, rt_rw, photo, location)")]
    [InlineData("\"name\": \"catatan\"", "\"name\": \"jumlah\"", "PR-UJI.json: field 'jumlah': duplicate field name")]
    [InlineData("\"showIf\": \"atap == 'rusak'\"", "\"showIf\": \"atapnya == 'rusak'\"",
        "PR-UJI.json: field 'catatan': showIf: unknown field 'atapnya' (showIf may only read fields asked before it)")]
    [InlineData("\"expression\": \"jumlah * 2\"", "\"expression\": \"jumlah * \"",
        "PR-UJI.json: derived 'dua_kali': expression: ")]
    [InlineData("\"when\": \"dua_kali > 10\"", "\"when\": \"lantai > 10\"", "PR-UJI.json: flag 'banyak': when: unknown name 'lantai'")]
    [InlineData("\"label\": \"Banyak: {dua_kali}\"", "\"label\": \"Banyak: {tiga_kali}\"",
        "PR-UJI.json: flag 'banyak': label: unknown placeholder {tiga_kali}")]
    [InlineData("\"bidang\": \"PR\"", "\"bidang\": \"XX\"",
        "PR-UJI.json: unknown bidang 'XX' (expected one of KS, PD, PU, PR, TR, SO)")]
    [InlineData("\"level\": \"segera\"", "\"level\": \"penting\"",
        "PR-UJI.json: urgency[0]: unknown level 'penting' (expected biasa, segera or darurat)")]
    [InlineData("\"optional\": true", "\"optional\": \"ya\"", "PR-UJI.json: field 'catatan': 'optional' must be true or false")]
    [InlineData("\"optional\": true", "\"optinal\": true", "PR-UJI.json: field 'catatan': unknown property 'optinal'")]
    [InlineData("\"min\": 1, \"max\": 30", "\"min\": 31, \"max\": 30", "PR-UJI.json: field 'jumlah': min is greater than max")]
    [InlineData("{ \"value\": \"rusak\"", "{ \"value\": \"Rusak Berat\"",
        "PR-UJI.json: field 'atap': option value 'Rusak Berat' must be snake_case (a-z, 0-9, _)")]
    [InlineData("{ \"value\": \"rusak\"", "{ \"value\": \"baik\"", "PR-UJI.json: field 'atap': duplicate option value 'baik'")]
    [InlineData("\"label\": \"Jumlah\", ", "", "PR-UJI.json: field 'jumlah': 'label' is missing")]
    [InlineData("\"topic\": \"PR-UJI\"", "\"topic\": \"PR-LAIN\"", "PR-UJI.json: topic 'PR-LAIN' must be stored in a file named PR-LAIN.json")]
    [InlineData("\"topic\": \"PR-UJI\"", "\"topic\": \"KS-UJI\"", "PR-UJI.json: topic 'KS-UJI' must start with its bidang 'PR-'")]
    [InlineData("\"name\": \"catatan\"", "\"name\": \"ringkasan\"", "PR-UJI.json: field 'ringkasan': 'ringkasan' is a reserved word")]
    [InlineData("\"name\": \"jumlah\", \"type\": \"integer\", \"label\": \"Jumlah\", \"question\": \"Berapa?\", \"min\": 1, \"max\": 30",
        "\"name\": \"jumlah\", \"type\": \"text\", \"label\": \"Jumlah\", \"question\": \"Berapa?\", \"unit\": \"kg\"",
        "PR-UJI.json: field 'jumlah': unit is only for integer and decimal fields")]
    [InlineData("\"common\": []", "\"common\": [\"alamat\"]", "PR-UJI.json: common: 'alamat' is not a field of common.json")]
    [InlineData("\"title\": \"Uji\",", "\"title\": \"Uji\",,", "PR-UJI.json: invalid JSON at line ")]
    public void A_mistake_names_the_file_and_the_field_in_one_line(string find, string replace, string expectedStart)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        using var folder = new TempCatalog().With("PR-UJI.json", Valid.Replace(find, replace, StringComparison.Ordinal));

        var error = Assert.Throws<CatalogException>(() => FormCatalog.Load(folder.Folder));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_mistake_in_common_json_names_common_json()
    {
        using var folder = new TempCatalog()
            .With("PR-UJI.json", Valid)
            .With("common.json", """{ "fields": [ { "name": "foto", "type": "photo", "label": "Foto", "question": "Foto?", "max": 20 } ] }""");

        var error = Assert.Throws<CatalogException>(() => FormCatalog.Load(folder.Folder));

        Assert.Equal("common.json: field 'foto': max photos must be between 1 and 10", error.Message);
    }

    [Fact]
    public void A_use_of_an_unknown_common_field_is_refused()
    {
        using var folder = new TempCatalog()
            .WithShippedCommon()
            .With("PR-UJI.json", Valid.Replace("\"fields\": [", "\"fields\": [ { \"use\": \"lokasi_rumah\" },", StringComparison.Ordinal));

        var error = Assert.Throws<CatalogException>(() => FormCatalog.Load(folder.Folder));

        Assert.Equal("PR-UJI.json: field 'lokasi_rumah': 'use' names no field of common.json", error.Message);
    }

    [Fact]
    public void A_missing_or_empty_folder_is_refused()
    {
        using var folder = new TempCatalog();
        Assert.EndsWith(": no topic files (*.json) in the catalog folder", Assert.Throws<CatalogException>(() => FormCatalog.Load(folder.Folder)).Message);
        Assert.EndsWith(": catalog folder not found", Assert.Throws<CatalogException>(() => FormCatalog.Load(Path.Combine(folder.Folder, "nope"))).Message);
    }
}
