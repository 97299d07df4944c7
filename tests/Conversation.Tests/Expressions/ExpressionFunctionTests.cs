using System.Globalization;
using Posyandu.Conversation.Forms.Expressions;

namespace Posyandu.Conversation.Tests.Expressions;

/// <summary>The built-in functions and the PR-RTLH rules as the catalog writes them.</summary>
public class ExpressionFunctionTests
{
    private const string KomponenGagal =
        "count(atap in ['rusak_berat','daun_rumbia_seng_bekas'], dinding in ['bambu_papan_lapuk','rusak_berat'], " +
        "lantai in ['papan_bambu','tanah'], struktur in ['miring_retak','hampir_roboh'], jamban == 'tidak_ada', " +
        "air in ['sumur_tidak_terlindung','sungai_hujan'])";

    private const string Kerusakan =
        "if(komponen_gagal >= 4 or struktur == 'hampir_roboh', 'berat', if(komponen_gagal >= 2, 'sedang', if(komponen_gagal >= 1, 'ringan', null)))";

    private const string CalonBsps =
        "status_tanah in ['milik_sertifikat','milik_tanpa_sertifikat'] and bantuan_sebelumnya == false and penghasilan in ['lt1','1_2','2_3']";

    private static object? Eval(string source, params (string Name, object? Value)[] values)
    {
        var lookup = values.ToDictionary(v => v.Name, v => v.Value);
        return Expression.Parse(source).Evaluate(name => lookup.GetValueOrDefault(name));
    }

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void Komponen_gagal_counts_failing_components()
    {
        Assert.Equal(0m, Eval(KomponenGagal, ("atap", "baik"), ("dinding", "tembok_baik"), ("lantai", "keramik_semen_baik"),
            ("struktur", "kokoh"), ("jamban", "sendiri_septik"), ("air", "perpipaan")));
        Assert.Equal(3m, Eval(KomponenGagal, ("atap", "rusak_berat"), ("dinding", "tembok_baik"), ("lantai", "tanah"),
            ("struktur", "kokoh"), ("jamban", "tidak_ada"), ("air", "perpipaan")));
        Assert.Equal(6m, Eval(KomponenGagal, ("atap", "daun_rumbia_seng_bekas"), ("dinding", "rusak_berat"), ("lantai", "papan_bambu"),
            ("struktur", "hampir_roboh"), ("jamban", "tidak_ada"), ("air", "sungai_hujan")));
    }

    [Fact]
    public void Komponen_gagal_skips_unanswered_fields()
    {
        Assert.Equal(1m, Eval(KomponenGagal, ("lantai", "tanah")));
    }

    [Theory]
    [InlineData(0, "kokoh", null)]
    [InlineData(1, "kokoh", "ringan")]
    [InlineData(2, "kokoh", "sedang")]
    [InlineData(3, "miring_retak", "sedang")]
    [InlineData(4, "kokoh", "berat")]
    [InlineData(6, "miring_retak", "berat")]
    [InlineData(1, "hampir_roboh", "berat")]
    public void Kerusakan_follows_the_rtlh_rule(int gagal, string struktur, string? expected)
    {
        Assert.Equal(expected, Eval(Kerusakan, ("komponen_gagal", (decimal)gagal), ("struktur", struktur)));
    }

    [Theory]
    [InlineData("milik_sertifikat", false, "lt1", true)]
    [InlineData("milik_tanpa_sertifikat", false, "2_3", true)]
    [InlineData("milik_sertifikat", false, "gt3", false)]
    [InlineData("bukan_milik", false, "lt1", false)]
    [InlineData("milik_sertifikat", true, "lt1", false)]
    public void Calon_bsps_needs_own_land_no_aid_and_low_income(string tanah, bool bantuan, string penghasilan, bool expected)
    {
        Assert.Equal(expected, Eval(CalonBsps, ("status_tanah", tanah), ("bantuan_sebelumnya", bantuan), ("penghasilan", penghasilan)));
    }

    [Fact]
    public void Calon_bsps_is_false_when_aid_was_skipped()
    {
        Assert.Equal(false, Eval(CalonBsps, ("status_tanah", "milik_sertifikat"), ("penghasilan", "lt1")));
    }

    [Fact]
    public void Luas_per_orang_flags_sempit_below_7_2()
    {
        var sempit = Expression.Parse("luas_per_orang < 7.2");

        Assert.True(sempit.IsTrue(_ => 30m / 5m));
        Assert.False(sempit.IsTrue(_ => 36m / 5m));
        Assert.False(sempit.IsTrue(_ => null));
    }

    [Fact]
    public void Danger_sign_in_a_multi_answer()
    {
        Assert.Equal(true, Eval("'perdarahan' in tanda_bahaya", ("tanda_bahaya", new List<string> { "demam", "perdarahan" })));
        Assert.Equal(false, Eval("'perdarahan' in tanda_bahaya", ("tanda_bahaya", new List<string> { "tidak_ada" })));
    }

    [Theory]
    [InlineData("count(true, false, null, true)", "2")]
    [InlineData("count(false)", "0")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("max(3, 1, 2)", "3")]
    [InlineData("min(-1, 1)", "-1")]
    [InlineData("round(5.3333, 1)", "5.3")]
    [InlineData("round(2.25, 1)", "2.3")]
    [InlineData("round(-2.5, 0)", "-3")]
    [InlineData("round(7, 2)", "7")]
    [InlineData("if(true, 1, 2)", "1")]
    [InlineData("if(false, 1, 2)", "2")]
    [InlineData("if(null, 1, 2)", "2")]
    [InlineData("if(1 < 2, 10 / 4, 0)", "2.5")]
    public void Functions_compute_numbers(string source, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Eval(source));
    }

    [Theory]
    [InlineData("answered(x)", "a", true)]
    [InlineData("answered(x)", null, false)]
    [InlineData("not answered(x)", null, true)]
    public void Answered_tells_whether_a_value_is_there(string source, string? value, bool expected)
    {
        Assert.Equal(expected, Eval(source, ("x", value)));
    }

    [Fact]
    public void Contains_looks_in_a_list()
    {
        var list = ("x", (object?)new List<string> { "pkh", "bpnt" });

        Assert.Equal(true, Eval("contains(x, 'pkh')", list));
        Assert.Equal(false, Eval("contains(x, 'pbi_jk')", list));
        Assert.Null(Eval("contains(x, 'pkh')", ("x", null)));
    }

    [Fact]
    public void If_reads_only_the_branch_it_takes()
    {
        Assert.Equal(1m, Eval("if(true, 1, 'a' + 1)"));
        Assert.Equal(2m, Eval("if(false, 'a' + 1, 2)"));
    }

    [Fact]
    public void Min_and_max_of_dates_and_null()
    {
        Assert.Equal(Date("2025-01-01"), Eval("min(a, b)", ("a", Date("2025-01-01")), ("b", Date("2025-06-01"))));
        Assert.Equal(Date("2025-06-01"), Eval("max(a, b)", ("a", Date("2025-01-01")), ("b", Date("2025-06-01"))));
        Assert.Null(Eval("min(a, 3)", ("a", null)));
    }

    [Theory]
    [InlineData("2023-05-10", "2025-11-20", 2, 30, 925)]
    [InlineData("2023-05-20", "2025-05-19", 1, 23, 730)]
    [InlineData("2023-05-20", "2025-05-20", 2, 24, 731)]
    [InlineData("2025-01-31", "2025-02-28", 0, 0, 28)]
    [InlineData("2025-01-31", "2025-03-01", 0, 1, 29)]
    [InlineData("2024-02-29", "2025-02-28", 0, 11, 365)]
    [InlineData("2025-11-20", "2025-11-20", 0, 0, 0)]
    [InlineData("2025-11-20", "2024-11-20", -1, -12, -365)]
    public void Date_differences_count_whole_units(string from, string to, int years, int months, int days)
    {
        var values = new[] { ("d1", (object?)Date(from)), ("d2", (object?)Date(to)) };

        Assert.Equal((decimal)years, Eval("years_between(d1, d2)", values));
        Assert.Equal((decimal)months, Eval("months_between(d1, d2)", values));
        Assert.Equal((decimal)days, Eval("days_between(d1, d2)", values));
    }

    [Fact]
    public void Age_in_months_from_the_birth_date_and_today()
    {
        var age = Expression.Parse("months_between(tanggal_lahir, today)");

        Assert.Equal(30m, age.Evaluate(name => name == "today" ? Date("2025-11-20") : Date("2023-05-10")));
        Assert.Equal(["tanggal_lahir", "today"], age.Identifiers.Order());
    }

    [Theory]
    [InlineData("count(1)", "count() counts true or false")]
    [InlineData("contains('a', 'a')", "contains() needs a list and a text")]
    [InlineData("min('a', 'b')", "min() needs numbers or dates")]
    [InlineData("max(1, 'b')", "Cannot apply 'max()'")]
    [InlineData("round(1.5, 0.5)", "round() needs a number and 0 to 10 places")]
    [InlineData("round(1.5, 11)", "round() needs a number and 0 to 10 places")]
    [InlineData("round('a', 1)", "round() needs")]
    [InlineData("days_between(1, 2)", "days_between() needs two dates")]
    [InlineData("years_between(d, 'x')", "years_between() needs two dates")]
    public void Function_type_errors_throw(string source, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Eval(source, ("d", Date("2025-01-01"))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("days_between(d, null)")]
    [InlineData("years_between(null, d)")]
    [InlineData("round(null, 1)")]
    [InlineData("max(1, null)")]
    public void Functions_of_null_are_null(string source)
    {
        Assert.Null(Eval(source, ("d", Date("2025-01-01"))));
    }
}
