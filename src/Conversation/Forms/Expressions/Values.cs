using System.Globalization;

namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>The value types of the expression language and how they are named in error messages.</summary>
internal static class Values
{
    /// <summary>
    /// Brings a looked-up value into the language: decimal, string, bool, DateOnly, IReadOnlyList&lt;string&gt; or null.
    /// Other numeric types become decimal so callers may hand in an int.
    /// </summary>
    public static object? FromLookup(string name, object? value) => value switch
    {
        null or decimal or string or bool or DateOnly or IReadOnlyList<string> => value,
        int i => (decimal)i,
        long l => (decimal)l,
        short s => (decimal)s,
        double d when double.IsFinite(d) => (decimal)d,
        float f when float.IsFinite(f) => (decimal)f,
        IEnumerable<string> list => list.ToList(),
        _ => throw new ExpressionException($"'{name}' has a value of type {value.GetType().Name}, which expressions cannot use"),
    };

    /// <summary>
    /// "number 3", "text", "true/false", "date …", "list" or "null", for error messages. A text is not quoted: it may be a
    /// kader's answer (a name, a phone number) and rule errors are logged; the expression's own literals are in its source.
    /// </summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        decimal d => "number " + d.ToString(CultureInfo.InvariantCulture),
        string => "text",
        bool b => b ? "true" : "false",
        DateOnly d => "date " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IReadOnlyList<string> => "list",
        _ => value.GetType().Name,
    };

    /// <summary>Equality for two non-null values of the same type; a type mismatch is an error.</summary>
    public static bool AreEqual(object left, object right, string op, int position) => (left, right) switch
    {
        (decimal a, decimal b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (DateOnly a, DateOnly b) => a == b,
        _ => throw Mismatch(op, left, right, position),
    };

    /// <summary>Order of two numbers or two dates; anything else is an error.</summary>
    public static int Compare(object left, object right, string op, int position) => (left, right) switch
    {
        (decimal a, decimal b) => a.CompareTo(b),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        _ => throw Mismatch(op, left, right, position),
    };

    public static ExpressionException Mismatch(string op, object? left, object? right, int position) =>
        new($"Cannot apply '{op}' to {Describe(left)} and {Describe(right)} at position {position}");
}
