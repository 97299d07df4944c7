using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Growth;

namespace Posyandu.Conversation.Tests.Growth;

/// <summary>The KS-BALITA rules on answers directly: LiLA, KMS, and the WHO z-score classes from the shipped tables.</summary>
public sealed class KsBalitaAssessmentTests
{
    private static readonly FormDefinition Balita = FormCatalog.LoadDefault().Find("KS-BALITA")!;
    private static readonly DateOnly Today = new(2025, 11, 23);

    /// <summary>WHO's test girl: 1522 days old on <see cref="Today"/>, 17 kg, 100 cm standing: WFA 0.24, HFA -0.89, WFH 1.19.</summary>
    private static Dictionary<string, Answer> Child(string sex = "p", int days = 1522, decimal kg = 17, decimal cm = 100, string cara = "berdiri") => new()
    {
        ["nama_anak"] = new Answer { Text = "Putri" },
        ["jenis_kelamin"] = Pick(sex),
        ["tanggal_lahir"] = new Answer { Date = Today.AddDays(-days) },
        ["tanggal_ukur"] = new Answer { Date = Today },
        ["berat"] = new Answer { Number = kg },
        ["tinggi"] = new Answer { Number = cm },
        ["cara_ukur"] = Pick(cara),
        ["lila"] = Answer.Skip,
        ["status_kms"] = Pick("n"),
        ["nama_ibu"] = new Answer { Text = "Sari" },
    };

    [Fact]
    public void With_no_configuration_the_z_scores_are_shown_and_a_well_child_is_biasa()
    {
        var assessment = FormAssessor.Assess(Balita, Child(), Today);

        Assert.Equal("50 bulan", Value(assessment, "umur_bulan"));
        Assert.Equal("0,24", Value(assessment, "z_bbu"));
        Assert.Equal("-0,89", Value(assessment, "z_tbu"));
        Assert.Equal("1,19", Value(assessment, "z_bbtb"));
        Assert.Null(Value(assessment, "z_lilau"));
        Assert.DoesNotContain(assessment.Values, v => v.Display.Contains("tidak dihitung", StringComparison.Ordinal));
        Assert.Empty(assessment.Flags);
        Assert.Equal(Urgency.Biasa, assessment.Urgency);
    }

    [Fact]
    public void Gizi_buruk_by_weight_for_length_is_darurat()
    {
        // Boy 300 days, 70 cm lying, 6.5 kg: WFL -3.28, WFA -3.07, HFA -1.36.
        var assessment = FormAssessor.Assess(Balita, Child("l", 300, 6.5m, 70, "terlentang"), Today);

        Assert.Equal(["gizi_buruk", "bb_sangat_kurang"], assessment.Flags.Select(f => f.Code));
        Assert.Contains("-3,28", assessment.Flags[0].Label, StringComparison.Ordinal);
        Assert.Equal(Urgency.Darurat, assessment.Urgency);
    }

    [Fact]
    public void Stunting_is_segera()
    {
        // Boy 400 days, 70 cm lying, 8.5 kg: HFA -2.91 (pendek), WFL 0.11, WFA -1.39.
        var assessment = FormAssessor.Assess(Balita, Child("l", 400, 8.5m, 70, "terlentang"), Today);

        Assert.Equal(["pendek"], assessment.Flags.Select(f => f.Code));
        Assert.Equal(Urgency.Segera, assessment.Urgency);
    }

    [Fact]
    public void Measuring_the_other_way_shifts_the_length_by_07_cm()
    {
        // The same boy measured standing counts as 70.7 cm lying: HFA -2.62 instead of -2.91.
        var assessment = FormAssessor.Assess(Balita, Child("l", 400, 8.5m, 70, "berdiri"), Today);

        Assert.Equal("-2,62", Value(assessment, "z_tbu"));
    }

    [Fact]
    public void Obesitas_and_an_implausible_measurement_are_flagged()
    {
        // Boy 1000 days, 90 cm standing, 20 kg: WFH 5.49 (beyond WHO's +5 plausibility limit), WFA 3.08.
        var assessment = FormAssessor.Assess(Balita, Child("l", 1000, 20, 90), Today);

        Assert.Equal(["obesitas", "ukuran_tidak_wajar"], assessment.Flags.Select(f => f.Code));
        Assert.Equal(Urgency.Biasa, assessment.Urgency);
    }

    [Fact]
    public void Lila_for_age_is_shown_from_the_shipped_tables()
    {
        // Boy 365 days, 8.5 kg, 74 cm lying, LiLA 12 cm: acanthro 1/365 L 0.1263, M 14.6447, S 0.07689 -> -2.56.
        var answers = Child("l", 365, 8.5m, 74, "terlentang");
        answers["lila"] = new Answer { Number = 12 };

        var assessment = FormAssessor.Assess(Balita, answers, Today);

        Assert.Equal("-2,56", Value(assessment, "z_lilau"));
        Assert.Null(Value(assessment, "catatan_lilau"));
        Assert.Equal(["gizi_kurang_lila"], assessment.Flags.Select(f => f.Code));
    }

    [Fact]
    public void Lila_for_age_below_three_months_is_not_computed_and_the_summary_says_why()
    {
        // WHO's arm circumference table starts at 91 days.
        var answers = Child("p", 60, 5, 57, "terlentang");
        answers["lila"] = new Answer { Number = 11 };

        var assessment = FormAssessor.Assess(Balita, answers, Today);

        Assert.Null(Value(assessment, "z_lilau"));
        Assert.Equal("tidak dihitung: standar WHO LiLA/U hanya untuk umur 3 sampai 60 bulan", Value(assessment, "catatan_lilau"));
        Assert.Equal("Z-skor LiLA/U", assessment.Values.Single(v => v.Name == "catatan_lilau").Label);
        Assert.NotNull(Value(assessment, "z_bbu"));
    }

    [Fact]
    public void A_length_outside_the_weight_for_length_table_says_why_there_is_no_bb_tb()
    {
        // 44 cm lying is below the 45 cm start of wflanthro; BB/U is still computed.
        var assessment = FormAssessor.Assess(Balita, Child("l", 10, 2.5m, 44, "terlentang"), Today);

        Assert.Null(Value(assessment, "z_bbtb"));
        Assert.StartsWith("tidak dihitung: panjang/tinggi di luar tabel WHO", Value(assessment, "catatan_bbtb"), StringComparison.Ordinal);
        Assert.NotNull(Value(assessment, "z_bbu"));
    }

    [Fact]
    public void Other_tables_passed_in_are_used_instead_of_the_shipped_ones()
    {
        var folder = GrowthStandards.Load(GrowthTestTables.Folder);

        var assessment = FormAssessor.Assess(Balita, Child(), Today, folder);

        Assert.Equal("0,24", Value(assessment, "z_bbu"));
    }

    [Theory]
    [InlineData(11.4, "gizi_buruk_lila", Urgency.Darurat)]
    [InlineData(11.5, "gizi_kurang_lila", Urgency.Segera)]
    [InlineData(12.4, "gizi_kurang_lila", Urgency.Segera)]
    [InlineData(12.5, null, Urgency.Biasa)]
    public void Lila_rules_use_the_kemenkes_cut_offs_in_cm(double lila, string? flag, Urgency urgency)
    {
        var answers = Child();
        answers["lila"] = new Answer { Number = (decimal)lila };

        var assessment = FormAssessor.Assess(Balita, answers, Today);

        Assert.Equal(flag is null ? [] : [flag], assessment.Flags.Select(f => f.Code));
        Assert.Equal(urgency, assessment.Urgency);
    }

    [Theory]
    [InlineData("2t", true)]
    [InlineData("bgm", true)]
    [InlineData("t", false)]
    [InlineData("tidak_tahu", false)]
    public void Kms_2t_or_bgm_is_segera(string kms, bool raised)
    {
        var answers = Child();
        answers["status_kms"] = Pick(kms);

        var assessment = FormAssessor.Assess(Balita, answers, Today);

        Assert.Equal(raised, assessment.Flags.Any(f => f.Code == "kms_2t_bgm"));
        Assert.Equal(raised ? Urgency.Segera : Urgency.Biasa, assessment.Urgency);
    }

    [Fact]
    public void A_measurement_date_before_birth_is_flagged_and_scores_nothing()
    {
        var answers = Child();
        answers["tanggal_ukur"] = new Answer { Date = Today.AddDays(-1600) };

        var assessment = FormAssessor.Assess(Balita, answers, Today);

        Assert.Equal(["tanggal_ukur_sebelum_lahir"], assessment.Flags.Select(f => f.Code));
        Assert.Null(Value(assessment, "z_bbu"));
    }

    private static Answer Pick(string value) => new() { Options = [value] };

    private static string? Value(Assessment assessment, string name) => assessment.Values.FirstOrDefault(v => v.Name == name)?.Display;
}
