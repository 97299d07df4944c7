using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Forms;

public sealed class CatalogLoadTests
{
    private static readonly FormCatalog Catalog = FormCatalog.LoadDefault();

    [Fact]
    public void The_shipped_rtlh_has_every_field_of_forms_md_then_the_common_fields()
    {
        var form = Catalog.Find("pr-rtlh");

        Assert.NotNull(form);
        Assert.Equal(("PR", "Rumah tidak layak huni", false), (form.Bidang, form.Title, form.Confidential));
        Assert.Equal(
            ["nama_kk", "nik_kk", "jumlah_penghuni", "luas_lantai", "atap", "dinding", "lantai", "struktur", "jamban", "air", "listrik",
             "status_tanah", "penghasilan", "bantuan_sebelumnya", "alamat", "rt_rw", "lokasi", "foto", "catatan"],
            form.Fields.Select(f => f.Name));
        Assert.Equal(
            [FieldType.Text, FieldType.Nik, FieldType.Integer, FieldType.Decimal, FieldType.Choice, FieldType.Choice, FieldType.Choice,
             FieldType.Choice, FieldType.Choice, FieldType.Choice, FieldType.YesNo, FieldType.Choice, FieldType.Choice, FieldType.YesNo,
             FieldType.Text, FieldType.RtRw, FieldType.Location, FieldType.Photo, FieldType.Text],
            form.Fields.Select(f => f.Type));
        Assert.Equal(["nik_kk", "lokasi", "foto", "catatan"], form.Fields.Where(f => f.Optional).Select(f => f.Name));
        Assert.Equal((3m, 80m), (form.Field("nama_kk")!.Min!.Value, form.Field("nama_kk")!.Max!.Value));
        Assert.Equal((1m, 30m), (form.Field("jumlah_penghuni")!.Min!.Value, form.Field("jumlah_penghuni")!.Max!.Value));
        Assert.Equal((4m, 500m), (form.Field("luas_lantai")!.Min!.Value, form.Field("luas_lantai")!.Max!.Value));
        Assert.Equal((5m, 200m), (form.Field("alamat")!.Min!.Value, form.Field("alamat")!.Max!.Value));
        Assert.Equal(3m, form.Field("foto")!.Max);
        Assert.Equal(500m, form.Field("catatan")!.Max);
        Assert.Equal(
            ["baik", "bocor_rusak_sebagian", "rusak_berat", "daun_rumbia_seng_bekas"],
            form.Field("atap")!.Options.Select(o => o.Value));
        Assert.Equal(["sempit", "calon_bsps"], form.Flags.Select(f => f.Code));
        Assert.Equal([Urgency.Darurat, Urgency.Segera], form.UrgencyRules.Select(u => u.Level));
    }

    [Fact]
    public void The_shipped_catalog_has_every_topic_of_forms_md()
    {
        Assert.Equal(
            ["KS-BALITA", "KS-BUMIL", "PD-ATS", "PD-PAUD", "PU-SARANA", "PU-AIR-SANITASI", "PR-RTLH", "TR-BENCANA", "TR-KEAMANAN", "SO-RENTAN", "SO-KEKERASAN"],
            Catalog.Forms.Select(f => f.Topic));
        Assert.All(Bidang.All, b => Assert.NotEmpty(Catalog.ForBidang(b.Code)));
    }

    [Fact]
    public void Violence_reports_are_confidential_without_photos_and_tell_of_sapa_129()
    {
        var form = Catalog.Find("SO-KEKERASAN")!;

        Assert.True(form.Confidential);
        Assert.DoesNotContain(form.Fields, f => f.Type == FieldType.Photo);
        Assert.Contains("129", form.Notice, StringComparison.Ordinal);
        Assert.Contains("08111-129-129", form.Notice, StringComparison.Ordinal);
        Assert.All(Catalog.Forms.Where(f => f.Topic != form.Topic), f => Assert.False(f.Confidential));
    }

    [Fact]
    public void Disaster_reports_ask_the_location_first()
    {
        Assert.Equal("lokasi", Catalog.Find("TR-BENCANA")!.Fields[0].Name);
        Assert.Equal("sembunyikan_pelapor", Catalog.Find("TR-KEAMANAN")!.HideReporterIf);
    }

    [Fact]
    public void Topics_are_found_by_bidang_and_code()
    {
        Assert.Contains(Catalog.ForBidang("pr"), f => f.Topic == "PR-RTLH");
        Assert.Null(Catalog.Find("PR-TIDAK-ADA"));
        Assert.All(Catalog.Forms, f => Assert.NotNull(Bidang.Find(f.Bidang)));
    }

    [Fact]
    public void Every_shipped_question_is_a_short_polite_sentence()
    {
        foreach (var field in Catalog.Forms.SelectMany(f => f.Fields))
        {
            Assert.InRange(field.Question.Length, 10, 200);
            Assert.Matches(@"[?.)]$", field.Question);
        }
    }
}
