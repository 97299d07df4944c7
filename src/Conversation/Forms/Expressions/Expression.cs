using System.Collections.Frozen;

namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>
/// A condition or formula from a catalog file (<c>showIf</c>, derived values, flags, urgency), parsed once and evaluated
/// against a lookup of answers and derived values. Values are decimal, string, bool, DateOnly, IReadOnlyList&lt;string&gt; or null.
/// </summary>
/// <remarks>
/// Null rules, so that an unanswered (skipped or hidden) field never raises a flag: a comparison, <c>in</c>, arithmetic
/// or <c>not</c> with a null operand gives null; <c>and</c>/<c>or</c> treat null as false; division by zero gives null;
/// <see cref="IsTrue"/> holds only for <c>true</c>. A type error ('a' + 1) throws <see cref="ExpressionException"/>; a
/// catalog's expressions are type-checked at load (<see cref="Check"/>), so that should not happen on a kader's answers.
/// An immutable parsed expression may be evaluated from many threads at once.
/// </remarks>
public sealed class Expression
{
    private readonly Node root;

    private Expression(string source, Node root, FrozenSet<string> identifiers)
    {
        Source = source;
        this.root = root;
        Identifiers = identifiers;
    }

    public string Source { get; }

    /// <summary>Every identifier the expression reads, for validating a catalog file at start.</summary>
    public IReadOnlySet<string> Identifiers { get; }

    /// <summary>Parses <paramref name="source"/>; throws <see cref="ExpressionException"/> naming what is wrong.</summary>
    public static Expression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (root, identifiers) = ExpressionParser.Parse(source);
        return new Expression(source, root, identifiers.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Evaluates with <paramref name="lookup"/> giving each identifier's value (int or double are read as decimal).
    /// Throws <see cref="ExpressionException"/> on a type error, naming the expression.
    /// </summary>
    public object? Evaluate(Func<string, object?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        try
        {
            return root.Evaluate(lookup);
        }
        catch (ExpressionException e)
        {
            throw new ExpressionException($"{e.Message} in: {Source}");
        }
    }

    public bool IsTrue(Func<string, object?> lookup) => Evaluate(lookup) is true;

    /// <summary>
    /// The types the value may have, given each identifier's; throws <see cref="ExpressionException"/>, naming the
    /// expression, where some answers would make evaluation fail (a text compared with a number).
    /// </summary>
    internal ValueTypes Check(Func<string, ValueTypes> types)
    {
        try
        {
            return root.Check(types);
        }
        catch (ExpressionException e)
        {
            throw new ExpressionException($"{e.Message} in: {Source}");
        }
    }

    public override string ToString() => Source;
}
