using System.Globalization;
using Posyandu.Conversation.Forms.Expressions;

namespace Posyandu.Conversation.Tests.Expressions;

/// <summary>Operators, precedence, lists and the null rules.</summary>
public class ExpressionEvaluationTests
{
    private static readonly Dictionary<string, object?> Answers = new()
    {
        ["luas_lantai"] = 30m,
        ["jumlah_penghuni"] = 5m,
        ["nol"] = 0m,
        ["atap"] = "rusak_berat",
        ["struktur"] = "kokoh",
        ["listrik"] = true,
        ["bantuan_sebelumnya"] = false,
        ["tanda_bahaya"] = new List<string> { "perdarahan", "demam" },
        ["tanggal_lahir"] = new DateOnly(2023, 5, 10),
        ["today"] = new DateOnly(2025, 11, 20),
        ["kosong"] = null,
        ["usia"] = 7,
        ["skor"] = 2.5,
    };

    private static object? Eval(string source) => Expression.Parse(source).Evaluate(name => Answers.GetValueOrDefault(name));

    private static decimal Number(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("24 / 4 / 2", "3")]
    [InlineData("-2 * 3", "-6")]
    [InlineData("- -2", "2")]
    [InlineData("2 - -2", "4")]
    [InlineData("7.2", "7.2")]
    [InlineData("luas_lantai / jumlah_penghuni", "6")]
    [InlineData("luas_lantai - jumlah_penghuni * 2", "20")]
    [InlineData("usia + 1", "8")]
    [InlineData("skor * 2", "5")]
    public void Arithmetic_follows_precedence(string source, string expected)
    {
        Assert.Equal(Number(expected), Eval(source));
    }

    [Theory]
    [InlineData("luas_lantai / jumlah_penghuni < 7.2", true)]
    [InlineData("luas_lantai / jumlah_penghuni >= 7.2", false)]
    [InlineData("jumlah_penghuni == 5", true)]
    [InlineData("jumlah_penghuni != 5", false)]
    [InlineData("jumlah_penghuni <= 5", true)]
    [InlineData("jumlah_penghuni > 5", false)]
    [InlineData("atap == 'rusak_berat'", true)]
    [InlineData("atap != 'baik'", true)]
    [InlineData("listrik == true", true)]
    [InlineData("bantuan_sebelumnya == false", true)]
    [InlineData("tanggal_lahir < today", true)]
    [InlineData("true or false and false", true)]
    [InlineData("(true or false) and false", false)]
    [InlineData("not true or true", true)]
    [InlineData("not (true or true)", false)]
    [InlineData("not jumlah_penghuni == 4", true)]
    [InlineData("not not listrik", true)]
    [InlineData("1 + 1 == 2 and 2 * 2 == 4", true)]
    [InlineData("atap in ['rusak_berat', 'daun_rumbia_seng_bekas']", true)]
    [InlineData("struktur in ['miring_retak', 'hampir_roboh']", false)]
    [InlineData("struktur not in ['miring_retak', 'hampir_roboh']", true)]
    [InlineData("atap in []", false)]
    [InlineData("'perdarahan' in tanda_bahaya", true)]
    [InlineData("'ketuban_pecah' in tanda_bahaya", false)]
    [InlineData("'ketuban_pecah' not in tanda_bahaya", true)]
    [InlineData("'Perdarahan' in tanda_bahaya", false)]
    public void Conditions_are_true_or_false(string source, bool expected)
    {
        Assert.Equal(expected, Eval(source));
    }

    [Theory]
    [InlineData("kosong == 'a'")]
    [InlineData("kosong != 'a'")]
    [InlineData("kosong < 7.2")]
    [InlineData("kosong == null")]
    [InlineData("null == null")]
    [InlineData("kosong + 1")]
    [InlineData("1 - kosong")]
    [InlineData("kosong / jumlah_penghuni")]
    [InlineData("-kosong")]
    [InlineData("not kosong")]
    [InlineData("kosong in ['a']")]
    [InlineData("'a' in kosong")]
    [InlineData("kosong not in ['a']")]
    [InlineData("tidak_ditanya > 3")]
    [InlineData("luas_lantai / nol")]
    [InlineData("luas_lantai / (jumlah_penghuni - 5)")]
    [InlineData("luas_lantai / nol < 7.2")]
    public void Null_in_gives_null_out(string source)
    {
        Assert.Null(Eval(source));
    }

    [Theory]
    [InlineData("kosong > 1 and true", false)]
    [InlineData("true and kosong > 1", false)]
    [InlineData("kosong > 1 or true", true)]
    [InlineData("kosong > 1 or false", false)]
    [InlineData("kosong or kosong", false)]
    public void And_or_read_null_as_false(string source, bool expected)
    {
        Assert.Equal(expected, Eval(source));
    }

    [Theory]
    [InlineData("kosong == null")]
    [InlineData("kosong > 1")]
    [InlineData("not kosong")]
    [InlineData("luas_lantai / nol < 7.2")]
    [InlineData("1 + 1")]
    [InlineData("'true'")]
    public void Only_true_is_true(string source)
    {
        Assert.False(Expression.Parse(source).IsTrue(name => Answers.GetValueOrDefault(name)));
    }

    [Fact]
    public void And_or_read_their_right_side_only_when_needed()
    {
        var reads = new List<string>();
        object? Lookup(string name)
        {
            reads.Add(name);
            return name == "a" ? false : true;
        }

        Assert.Equal(false, Expression.Parse("a and b").Evaluate(Lookup));
        Assert.Equal(true, Expression.Parse("b or a").Evaluate(Lookup));
        Assert.Equal(["a", "b"], reads);
    }

    [Theory]
    [InlineData("'a' + 1", "Cannot apply '+' to text and number 1 at position 5")]
    [InlineData("atap * 2", "Cannot apply '*' to text and number 2 at position 6")]
    [InlineData("atap == 1", "Cannot apply '==' to text and number 1 at position 6")]
    [InlineData("atap < 'z'", "Cannot apply '<'")]
    [InlineData("listrik > false", "Cannot apply '>'")]
    [InlineData("tanggal_lahir == 3", "Cannot apply '=='")]
    [InlineData("1 in ['a']", "Cannot apply 'in' to number 1 and list")]
    [InlineData("tanda_bahaya in ['a']", "Cannot apply 'in' to list and list")]
    [InlineData("'a' in atap", "Cannot apply 'in'")]
    [InlineData("not 1", "'not' needs true or false, got number 1 at position 1")]
    [InlineData("-atap", "'-' needs a number")]
    [InlineData("jumlah_penghuni and true", "'and' needs true or false")]
    [InlineData("false or 'x'", "'or' needs true or false")]
    [InlineData("tanda_bahaya == tanda_bahaya", "Cannot apply '=='")]
    public void Type_errors_throw_with_a_clear_message(string source, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Eval(source));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("in: " + source, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_type_the_language_does_not_know_is_an_error()
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse("x == 1").Evaluate(_ => new object()));

        Assert.Contains("'x' has a value of type Object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overflow_is_an_error_not_a_crash()
    {
        var error = Assert.Throws<ExpressionException>(() => Eval("79228162514264337593543950335 * 10"));

        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_array_is_a_list()
    {
        string[] list = ["a", "b"];

        var result = Expression.Parse("'a' in x").Evaluate(_ => list);

        Assert.Equal(true, result);
    }

    [Fact]
    public void Literal_lists_evaluate_to_text_lists()
    {
        var result = Assert.IsAssignableFrom<IReadOnlyList<string>>(Eval("['a', 'b\\'c']"));

        Assert.Equal(["a", "b'c"], result);
    }

    [Fact]
    public void Source_is_kept()
    {
        Assert.Equal("a  ==  1", Expression.Parse("a  ==  1").Source);
        Assert.Equal("a  ==  1", Expression.Parse("a  ==  1").ToString());
    }
}
