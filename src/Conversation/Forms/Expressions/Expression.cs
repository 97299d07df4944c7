namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>
/// A condition or formula from a catalog file (<c>showIf</c>, derived values, flags, urgency), parsed once and evaluated
/// against a lookup of answers and derived values. Values are decimal, string, bool, DateOnly, IReadOnlyList&lt;string&gt; or null.
/// </summary>
public sealed class Expression
{
    private Expression(string source) => Source = source;

    public string Source { get; }

    /// <summary>Every identifier the expression reads, for validating a catalog file at start.</summary>
    public IReadOnlySet<string> Identifiers => throw new NotImplementedException();

    /// <summary>Parses <paramref name="source"/>; throws <see cref="ExpressionException"/> naming what is wrong.</summary>
    public static Expression Parse(string source) => throw new NotImplementedException();

    public object? Evaluate(Func<string, object?> lookup) => throw new NotImplementedException();

    public bool IsTrue(Func<string, object?> lookup) => Evaluate(lookup) is true;
}

/// <summary>A catalog expression that cannot be parsed or evaluated.</summary>
public sealed class ExpressionException(string message) : Exception(message);
