namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>
/// The types an expression's value may have, as a set (an <c>if</c> may give either branch, an answer may be missing),
/// so a catalog file's rules are type-checked when it is loaded rather than failing on a kader's report.
/// </summary>
[Flags]
internal enum ValueTypes
{
    None = 0,
    Null = 1,
    Number = 2,
    Text = 4,
    Bool = 8,
    Date = 16,
    List = 32,
    Any = Null | Number | Text | Bool | Date | List,
}

/// <summary>The checks each operator and function applies to its operands' types.</summary>
internal static class TypeCheck
{
    /// <summary>Throws unless every non-null type <paramref name="actual"/> may have is one of <paramref name="allowed"/>.</summary>
    public static void Require(ValueTypes actual, ValueTypes allowed, Func<string> what, int position)
    {
        var wrong = actual & ~ValueTypes.Null & ~allowed;
        if (wrong != ValueTypes.None)
        {
            throw new ExpressionException($"{what()} needs {Describe(allowed)}, got {Describe(actual)} at position {position}");
        }
    }

    /// <summary>
    /// Throws unless both sides, when not null, are one and the same type among <paramref name="allowed"/> (a number is
    /// never equal to a text, a date never before a number). Null on either side is fine: the result is null.
    /// </summary>
    public static void RequireSame(ValueTypes left, ValueTypes right, ValueTypes allowed, string op, int position)
    {
        var l = left & ~ValueTypes.Null;
        var r = right & ~ValueTypes.Null;
        if (l == ValueTypes.None || r == ValueTypes.None)
        {
            return;
        }

        if (l != r || !IsSingle(l) || (l & ~allowed) != ValueTypes.None)
        {
            throw new ExpressionException($"Cannot apply '{op}' to {Describe(left)} and {Describe(right)} at position {position}");
        }
    }

    /// <summary>The non-null types all arguments share, for min/max; throws when they mix numbers and dates.</summary>
    public static ValueTypes Common(IReadOnlyList<ValueTypes> arguments, string name, int position)
    {
        var union = arguments.Aggregate(ValueTypes.None, (all, t) => all | t) & ~ValueTypes.Null;
        return union == ValueTypes.None || IsSingle(union)
            ? union | ValueTypes.Null
            : throw new ExpressionException($"{name}() needs all numbers or all dates, got {Describe(union)} at position {position}");
    }

    /// <summary>"number", "text or null"…, as in the evaluation errors.</summary>
    public static string Describe(ValueTypes types)
    {
        if (types == ValueTypes.Null)
        {
            return "null";
        }

        var names = new[] { (ValueTypes.Number, "number"), (ValueTypes.Text, "text"), (ValueTypes.Bool, "true/false"), (ValueTypes.Date, "date"), (ValueTypes.List, "list") }
            .Where(n => types.HasFlag(n.Item1))
            .Select(n => n.Item2)
            .ToList();
        return string.Join(" or ", names);
    }

    private static bool IsSingle(ValueTypes types) => ((int)types & ((int)types - 1)) == 0;
}
