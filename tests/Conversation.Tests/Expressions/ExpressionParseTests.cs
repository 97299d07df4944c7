using Posyandu.Conversation.Forms.Expressions;

namespace Posyandu.Conversation.Tests.Expressions;

/// <summary>Parse errors name what is wrong and where; Identifiers lists what an expression reads.</summary>
public class ExpressionParseTests
{
    [Theory]
    [InlineData("", "The expression is empty at position 1")]
    [InlineData("   ", "The expression is empty at position 1")]
    [InlineData("a ==", "The expression ended too early at position 5")]
    [InlineData("a = 1", "Use '==' to compare, not '=', at position 3")]
    [InlineData("(a + 1", "Expected ')' but the expression ended at position 7")]
    [InlineData("a + 1)", "Unexpected ')' at position 6")]
    [InlineData("a b", "Unexpected 'b' at position 3")]
    [InlineData("'abc", "Text started at position 1 has no closing quote")]
    [InlineData("a == \"x\"", "Text goes in single quotes ('…'), not double, at position 6")]
    [InlineData("a & b", "Unexpected '&' at position 3")]
    [InlineData("a && b", "Unexpected '&' at position 3")]
    [InlineData("Atap == 'x'", "Names are lower case: unexpected 'A' at position 1")]
    [InlineData("atAp == 'x'", "Names are lower case: unexpected 'A' at position 3")]
    [InlineData("True", "Names are lower case: unexpected 'T' at position 1")]
    [InlineData("7. + 1", "A digit must follow the decimal point at position 3")]
    [InlineData("7x", "Unexpected 'x' after a number at position 2")]
    [InlineData("1 < a < 3", "Comparisons cannot be chained; use 'and' at position 7")]
    [InlineData("a == b in ['x']", "Comparisons cannot be chained; use 'and' at position 8")]
    [InlineData("foo(1)", "Unknown function 'foo' at position 1")]
    [InlineData("round(1)", "round() takes 2 argument(s), got 1 at position 1")]
    [InlineData("if(a, b)", "if() takes 3 argument(s), got 2 at position 1")]
    [InlineData("count()", "count() takes at least 1 argument(s), got 0 at position 1")]
    [InlineData("min(1)", "min() takes at least 2 argument(s), got 1 at position 1")]
    [InlineData("answered(a, b)", "answered() takes 1 argument(s), got 2 at position 1")]
    [InlineData("x in ['a', 1]", "A list holds texts in quotes, got '1' at position 12")]
    [InlineData("x in ['a' 'b']", "Expected ']' but found ''b'' at position 11")]
    [InlineData("x in ['a',", "A list holds texts in quotes, got '' at position 11")]
    [InlineData("count(a,)", "Unexpected ')' at position 9")]
    [InlineData("not", "The expression ended too early at position 4")]
    [InlineData("a not b", "Unexpected 'not' at position 3")]
    [InlineData("and a", "Unexpected 'and' at position 1")]
    [InlineData("a $ b", "Unexpected '$' at position 3")]
    [InlineData("99999999999999999999999999999999", "Number '99999999999999999999999999999999' is too large at position 1")]
    public void Errors_name_the_problem_and_its_position(string source, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(source));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("luas_lantai / jumlah_penghuni", "luas_lantai,jumlah_penghuni")]
    [InlineData("luas_per_orang < 7.2", "luas_per_orang")]
    [InlineData("count(atap in ['rusak_berat'], jamban == 'tidak_ada', atap == 'x')", "atap,jamban")]
    [InlineData("if(komponen_gagal >= 4 or struktur == 'hampir_roboh', 'berat', null)", "komponen_gagal,struktur")]
    [InlineData("'perdarahan' in tanda_bahaya", "tanda_bahaya")]
    [InlineData("years_between(tanggal_lahir, today) >= 7", "tanggal_lahir,today")]
    [InlineData("answered(lila) and not (true or false)", "lila")]
    [InlineData("1 + 2", "")]
    [InlineData("'count' == 'x'", "")]
    public void Identifiers_are_the_names_read_not_functions_or_keywords(string source, string expected)
    {
        var identifiers = Expression.Parse(source).Identifiers;

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), identifiers.ToHashSet());
    }

    [Fact]
    public void A_name_that_is_also_a_function_is_an_identifier_when_not_called()
    {
        var expression = Expression.Parse("count + 1");

        Assert.Equal(["count"], expression.Identifiers);
        Assert.Equal(3m, expression.Evaluate(_ => 2m));
    }

    [Theory]
    [InlineData("a==1")]
    [InlineData("  a  ==  1  ")]
    [InlineData("a\n==\t1")]
    [InlineData("(((a))) == 1")]
    public void Whitespace_and_parentheses_do_not_matter(string source)
    {
        Assert.Equal(true, Expression.Parse(source).Evaluate(_ => 1m));
    }

    [Fact]
    public void A_parsed_expression_can_be_evaluated_from_many_threads()
    {
        var expression = Expression.Parse("count(a > 1, a > 2, a > 3)");

        Parallel.For(0, 1000, i => Assert.Equal((decimal)Math.Min(i % 5 > 0 ? i % 5 - 1 : 0, 3), expression.Evaluate(_ => (decimal)(i % 5))));
    }
}
