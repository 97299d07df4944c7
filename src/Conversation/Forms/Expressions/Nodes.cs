namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>A node of a parsed expression; evaluation follows the language's null rules (see <see cref="Expression"/>).</summary>
internal abstract record Node(int Position)
{
    public abstract object? Evaluate(Func<string, object?> lookup);

    /// <summary>The types the value may have given each identifier's types; throws <see cref="ExpressionException"/> where evaluation would.</summary>
    public abstract ValueTypes Check(Func<string, ValueTypes> types);
}

/// <summary>A number, 'text', true, false, null or a list of texts.</summary>
internal sealed record LiteralNode(object? Value, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup) => Value;

    public override ValueTypes Check(Func<string, ValueTypes> types) => Value switch
    {
        null => ValueTypes.Null,
        decimal => ValueTypes.Number,
        string => ValueTypes.Text,
        bool => ValueTypes.Bool,
        _ => ValueTypes.List,
    };
}

/// <summary>A field or derived value, read through the lookup.</summary>
internal sealed record IdentifierNode(string Name, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup) => Values.FromLookup(Name, lookup(Name));

    public override ValueTypes Check(Func<string, ValueTypes> types) => types(Name);
}

/// <summary><c>not x</c>: null stays null, so a missing answer never turns a condition true.</summary>
internal sealed record NotNode(Node Operand, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup) => Operand.Evaluate(lookup) switch
    {
        null => null,
        bool b => !b,
        var other => throw new ExpressionException($"'not' needs true or false, got {Values.Describe(other)} at position {Position}"),
    };

    public override ValueTypes Check(Func<string, ValueTypes> types)
    {
        TypeCheck.Require(Operand.Check(types), ValueTypes.Bool, () => "'not'", Position);
        return ValueTypes.Bool | ValueTypes.Null;
    }
}

/// <summary>Unary minus.</summary>
internal sealed record NegateNode(Node Operand, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup) => Operand.Evaluate(lookup) switch
    {
        null => null,
        decimal d => -d,
        var other => throw new ExpressionException($"'-' needs a number, got {Values.Describe(other)} at position {Position}"),
    };

    public override ValueTypes Check(Func<string, ValueTypes> types)
    {
        TypeCheck.Require(Operand.Check(types), ValueTypes.Number, () => "'-'", Position);
        return ValueTypes.Number | ValueTypes.Null;
    }
}

/// <summary><c>and</c> / <c>or</c>: null counts as false, the right side is read only when needed, the result is true or false.</summary>
internal sealed record LogicalNode(bool IsAnd, Node Left, Node Right, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup)
    {
        var left = Truth(Left.Evaluate(lookup));
        if (IsAnd ? !left : left)
        {
            return left;
        }

        return Truth(Right.Evaluate(lookup));
    }

    public override ValueTypes Check(Func<string, ValueTypes> types)
    {
        TypeCheck.Require(Left.Check(types), ValueTypes.Bool, () => $"'{(IsAnd ? "and" : "or")}'", Position);
        TypeCheck.Require(Right.Check(types), ValueTypes.Bool, () => $"'{(IsAnd ? "and" : "or")}'", Position);
        return ValueTypes.Bool;
    }

    private bool Truth(object? value) => value switch
    {
        null => false,
        bool b => b,
        var other => throw new ExpressionException(
            $"'{(IsAnd ? "and" : "or")}' needs true or false, got {Values.Describe(other)} at position {Position}"),
    };
}

/// <summary><c>+ - * /</c> on numbers; null in, null out; division by zero gives null.</summary>
internal sealed record ArithmeticNode(TokenKind Operator, Node Left, Node Right, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup)
    {
        var left = Left.Evaluate(lookup);
        var right = Right.Evaluate(lookup);
        if (left is null || right is null)
        {
            return null;
        }

        if (left is not decimal a || right is not decimal b)
        {
            throw Values.Mismatch(Symbol, left, right, Position);
        }

        try
        {
            return Operator switch
            {
                TokenKind.Plus => a + b,
                TokenKind.Minus => a - b,
                TokenKind.Star => a * b,
                _ => b == 0 ? null : a / b,
            };
        }
        catch (OverflowException)
        {
            throw new ExpressionException($"The result of '{Symbol}' is too large at position {Position}");
        }
    }

    public override ValueTypes Check(Func<string, ValueTypes> types)
    {
        TypeCheck.Require(Left.Check(types), ValueTypes.Number, () => $"'{Symbol}'", Position);
        TypeCheck.Require(Right.Check(types), ValueTypes.Number, () => $"'{Symbol}'", Position);
        return ValueTypes.Number | ValueTypes.Null;
    }

    private string Symbol => Operator switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        _ => "/",
    };
}

/// <summary><c>== != &lt; &lt;= &gt; &gt;=</c>; null on either side gives null.</summary>
internal sealed record ComparisonNode(TokenKind Operator, string Symbol, Node Left, Node Right, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup)
    {
        var left = Left.Evaluate(lookup);
        var right = Right.Evaluate(lookup);
        if (left is null || right is null)
        {
            return null;
        }

        return Operator switch
        {
            TokenKind.Equal => Values.AreEqual(left, right, Symbol, Position),
            TokenKind.NotEqual => !Values.AreEqual(left, right, Symbol, Position),
            TokenKind.Less => Values.Compare(left, right, Symbol, Position) < 0,
            TokenKind.LessOrEqual => Values.Compare(left, right, Symbol, Position) <= 0,
            TokenKind.Greater => Values.Compare(left, right, Symbol, Position) > 0,
            _ => Values.Compare(left, right, Symbol, Position) >= 0,
        };
    }

    public override ValueTypes Check(Func<string, ValueTypes> types)
    {
        var orderable = Operator is TokenKind.Equal or TokenKind.NotEqual
            ? ValueTypes.Number | ValueTypes.Text | ValueTypes.Bool | ValueTypes.Date
            : ValueTypes.Number | ValueTypes.Date;
        TypeCheck.RequireSame(Left.Check(types), Right.Check(types), orderable, Symbol, Position);
        return ValueTypes.Bool | ValueTypes.Null;
    }
}

/// <summary><c>x in ['a', 'b']</c> and <c>'a' in x</c> (x a multi answer), or their <c>not in</c>; null on either side gives null.</summary>
internal sealed record MembershipNode(bool Negated, Node Item, Node Collection, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup)
    {
        var item = Item.Evaluate(lookup);
        var collection = Collection.Evaluate(lookup);
        if (item is null || collection is null)
        {
            return null;
        }

        if (item is not string text || collection is not IReadOnlyList<string> list)
        {
            throw Values.Mismatch(Negated ? "not in" : "in", item, collection, Position);
        }

        return list.Contains(text, StringComparer.Ordinal) != Negated;
    }

    public override ValueTypes Check(Func<string, ValueTypes> types)
    {
        var item = Item.Check(types);
        var collection = Collection.Check(types);
        if ((item & ~ValueTypes.Null & ~ValueTypes.Text) != ValueTypes.None || (collection & ~ValueTypes.Null & ~ValueTypes.List) != ValueTypes.None)
        {
            throw new ExpressionException(
                $"Cannot apply '{(Negated ? "not in" : "in")}' to {TypeCheck.Describe(item)} and {TypeCheck.Describe(collection)} at position {Position}");
        }

        return ValueTypes.Bool | ValueTypes.Null;
    }
}

/// <summary>A call of one of the <see cref="Functions"/>.</summary>
internal sealed record CallNode(Function Function, IReadOnlyList<Node> Arguments, int Position) : Node(Position)
{
    public override object? Evaluate(Func<string, object?> lookup) => Function.Invoke(Arguments, lookup, Position);

    public override ValueTypes Check(Func<string, ValueTypes> types) => Function.Check([.. Arguments.Select(a => a.Check(types))], Position);
}
