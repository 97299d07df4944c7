using Posyandu.Conversation.Forms;

namespace Posyandu.Conversation.Tests.Forms;

/// <summary>The PR-RTLH rules of forms.md, applied to answers directly (the transcripts show them through the dialog).</summary>
public sealed class RtlhAssessmentTests
{
    private static readonly FormDefinition Rtlh = FormCatalog.LoadDefault().Find("PR-RTLH")!;
    private static readonly DateOnly Today = new(2025, 11, 23);

    /// <summary>A sound house of 4 people in 40 m², owner with a certificate, income over Rp3 juta, no earlier aid.</summary>
    private static Dictionary<string, Answer> Sound() => new()
    {
        ["jumlah_penghuni"] = new Answer { Number = 4 },
        ["luas_lantai"] = new Answer { Number = 40 },
        ["atap"] = Pick("baik"),
        ["dinding"] = Pick("tembok_baik"),
        ["lantai"] = Pick("keramik_semen_baik"),
        ["struktur"] = Pick("kokoh"),
        ["jamban"] = Pick("sendiri_septik"),
        ["air"] = Pick("perpipaan"),
        ["status_tanah"] = Pick("milik_sertifikat"),
        ["penghasilan"] = Pick("gt3"),
        ["bantuan_sebelumnya"] = new Answer { Yes = false },
    };

    [Fact]
    public void Six_people_in_thirty_square_metres_is_sempit_with_the_pupr_standard_mentioned()
    {
        var answers = Sound();
        answers["jumlah_penghuni"] = new Answer { Number = 6 };
        answers["luas_lantai"] = new Answer { Number = 30 };

        var assessment = FormAssessor.Assess(Rtlh, answers, Today);

        Assert.Equal("5 m²", Value(assessment, "luas_per_orang"));
        var sempit = Assert.Single(assessment.Flags, f => f.Code == "sempit");
        Assert.Contains("7,2 m²", sempit.Label, StringComparison.Ordinal);
        Assert.Contains("PUPR 9 m²", sempit.Label, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 28.8, false)]
    [InlineData(4, 28.7, true)]
    [InlineData(1, 7.2, false)]
    public void Sempit_is_strictly_below_seven_point_two_per_person(int people, double area, bool sempit)
    {
        var answers = Sound();
        answers["jumlah_penghuni"] = new Answer { Number = people };
        answers["luas_lantai"] = new Answer { Number = (decimal)area };

        Assert.Equal(sempit, FormAssessor.Assess(Rtlh, answers, Today).Flags.Any(f => f.Code == "sempit"));
    }

    [Fact]
    public void Four_failing_components_is_kerusakan_berat_and_segera()
    {
        var answers = Sound();
        answers["atap"] = Pick("rusak_berat");
        answers["lantai"] = Pick("tanah");
        answers["jamban"] = Pick("tidak_ada");
        answers["air"] = Pick("sumur_tidak_terlindung");

        var assessment = FormAssessor.Assess(Rtlh, answers, Today);

        Assert.StartsWith("4 dari 6", Value(assessment, "komponen_gagal"), StringComparison.Ordinal);
        Assert.Equal("Berat", Value(assessment, "kerusakan"));
        Assert.Equal(Urgency.Segera, assessment.Urgency);
    }

    [Fact]
    public void A_frame_about_to_collapse_is_berat_and_darurat_even_when_all_else_is_sound()
    {
        var answers = Sound();
        answers["struktur"] = Pick("hampir_roboh");

        var assessment = FormAssessor.Assess(Rtlh, answers, Today);

        Assert.Equal("Berat", Value(assessment, "kerusakan"));
        Assert.Equal(Urgency.Darurat, assessment.Urgency);
    }

    [Theory]
    [InlineData(new string[0], null, Urgency.Biasa)]
    [InlineData(new[] { "atap:daun_rumbia_seng_bekas" }, "Ringan", Urgency.Biasa)]
    [InlineData(new[] { "dinding:bambu_papan_lapuk", "lantai:papan_bambu" }, "Sedang", Urgency.Biasa)]
    [InlineData(new[] { "dinding:rusak_berat", "struktur:miring_retak", "air:sungai_hujan" }, "Sedang", Urgency.Biasa)]
    [InlineData(new[] { "dinding:rusak_berat", "struktur:miring_retak", "air:sungai_hujan", "jamban:tidak_ada" }, "Berat", Urgency.Segera)]
    public void Kerusakan_counts_the_failing_components(string[] failing, string? kerusakan, Urgency urgency)
    {
        var answers = Sound();
        foreach (var pair in failing)
        {
            var parts = pair.Split(':');
            answers[parts[0]] = Pick(parts[1]);
        }

        var assessment = FormAssessor.Assess(Rtlh, answers, Today);

        Assert.Equal(kerusakan, assessment.Values.FirstOrDefault(v => v.Name == "kerusakan")?.Display);
        Assert.Equal(urgency, assessment.Urgency);
    }

    [Theory]
    [InlineData("milik_sertifikat", false, "2_3", true)]
    [InlineData("milik_tanpa_sertifikat", false, "lt1", true)]
    [InlineData("bukan_milik", false, "lt1", false)]
    [InlineData("milik_sertifikat", true, "lt1", false)]
    [InlineData("milik_sertifikat", false, "gt3", false)]
    [InlineData("milik_sertifikat", false, "tidak_tahu", false)]
    public void Calon_bsps_needs_own_land_no_aid_in_ten_years_and_income_up_to_three_million(string land, bool aided, string income, bool raised)
    {
        var answers = Sound();
        answers["status_tanah"] = Pick(land);
        answers["bantuan_sebelumnya"] = new Answer { Yes = aided };
        answers["penghasilan"] = Pick(income);

        Assert.Equal(raised, FormAssessor.Assess(Rtlh, answers, Today).Flags.Any(f => f.Code == "calon_bsps"));
    }

    [Fact]
    public void Missing_answers_give_no_values_no_flags_and_biasa_rather_than_an_error()
    {
        var assessment = FormAssessor.Assess(Rtlh, new Dictionary<string, Answer> { ["jumlah_penghuni"] = Answer.Skip }, Today);

        Assert.DoesNotContain(assessment.Values, v => v.Name is "luas_per_orang" or "kerusakan");
        Assert.Empty(assessment.Flags);
        Assert.Equal(Urgency.Biasa, assessment.Urgency);
        Assert.False(assessment.HideReporter);
    }

    private static Answer Pick(string value) => new() { Options = [value] };

    private static string Value(Assessment assessment, string name) => Assert.Single(assessment.Values, v => v.Name == name).Display;
}
