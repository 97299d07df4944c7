namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>
/// Precedence-climbing parser. From loosest to tightest: <c>or</c>, <c>and</c>, <c>not</c>, comparisons and
/// <c>in</c>/<c>not in</c> (not chainable), <c>+ -</c>, <c>* /</c>, unary <c>-</c>, then literals, names, calls and parentheses.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly List<Token> tokens;
    private readonly HashSet<string> identifiers = new(StringComparer.Ordinal);
    private int index;

    private ExpressionParser(List<Token> tokens) => this.tokens = tokens;

    private Token Current => tokens[index];

    public static (Node Root, HashSet<string> Identifiers) Parse(string source)
    {
        var parser = new ExpressionParser(Tokenizer.Tokenize(source));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ExpressionException("The expression is empty at position 1");
        }

        var root = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Current);
        }

        return (root, parser.identifiers);
    }

    private Node ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var op = Advance();
            left = new LogicalNode(IsAnd: false, left, ParseAnd(), op.Position);
        }

        return left;
    }

    private Node ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            var op = Advance();
            left = new LogicalNode(IsAnd: true, left, ParseNot(), op.Position);
        }

        return left;
    }

    private Node ParseNot()
    {
        if (Current.Kind != TokenKind.Not)
        {
            return ParseComparison();
        }

        var op = Advance();
        return new NotNode(ParseNot(), op.Position);
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        var node = ParseComparisonTail(left);
        if (node is not null && IsComparison(Current))
        {
            throw new ExpressionException($"Comparisons cannot be chained; use 'and' at position {Current.Position}");
        }

        return node ?? left;
    }

    private Node? ParseComparisonTail(Node left)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual:
                Advance();
                return new ComparisonNode(token.Kind, token.Text, left, ParseAdditive(), token.Position);
            case TokenKind.In:
                Advance();
                return new MembershipNode(Negated: false, left, ParseAdditive(), token.Position);
            case TokenKind.Not when Peek().Kind == TokenKind.In:
                Advance();
                Advance();
                return new MembershipNode(Negated: true, left, ParseAdditive(), token.Position);
            default:
                return null;
        }
    }

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            left = new ArithmeticNode(op.Kind, left, ParseMultiplicative(), op.Position);
        }

        return left;
    }

    private Node ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            left = new ArithmeticNode(op.Kind, left, ParseUnary(), op.Position);
        }

        return left;
    }

    private Node ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus)
        {
            return ParsePrimary();
        }

        var op = Advance();
        return new NegateNode(ParseUnary(), op.Position);
    }

    private Node ParsePrimary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.String:
                return new LiteralNode(token.Value, token.Position);
            case TokenKind.True or TokenKind.False:
                return new LiteralNode(token.Kind == TokenKind.True, token.Position);
            case TokenKind.Null:
                return new LiteralNode(null, token.Position);
            case TokenKind.LeftBracket:
                return ParseList(token);
            case TokenKind.LeftParen:
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.Identifier when Current.Kind == TokenKind.LeftParen:
                return ParseCall(token);
            case TokenKind.Identifier:
                identifiers.Add(token.Text);
                return new IdentifierNode(token.Text, token.Position);
            default:
                throw Unexpected(token);
        }
    }

    /// <summary>A list literal holds texts only, like the multi answers it is compared with.</summary>
    private LiteralNode ParseList(Token open)
    {
        var items = new List<string>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            do
            {
                var item = Advance();
                items.Add(item.Kind == TokenKind.String
                    ? (string)item.Value!
                    : throw new ExpressionException($"A list holds texts in quotes, got '{item.Text}' at position {item.Position}"));
            }
            while (Accept(TokenKind.Comma));
        }

        Expect(TokenKind.RightBracket, "']'");
        return new LiteralNode(items, open.Position);
    }

    private CallNode ParseCall(Token name)
    {
        var function = Functions.Find(name.Text)
            ?? throw new ExpressionException($"Unknown function '{name.Text}' at position {name.Position}");
        Advance();
        var arguments = new List<Node>();
        if (Current.Kind != TokenKind.RightParen)
        {
            do
            {
                arguments.Add(ParseOr());
            }
            while (Accept(TokenKind.Comma));
        }

        Expect(TokenKind.RightParen, "')'");
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var expected = function.MinArguments == function.MaxArguments
                ? $"{function.MinArguments}"
                : function.MaxArguments == int.MaxValue ? $"at least {function.MinArguments}" : $"{function.MinArguments} to {function.MaxArguments}";
            throw new ExpressionException($"{function.Name}() takes {expected} argument(s), got {arguments.Count} at position {name.Position}");
        }

        return new CallNode(function, arguments, name.Position);
    }

    private static bool IsComparison(Token token) => token.Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less
        or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual or TokenKind.In;

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            index++;
        }

        return token;
    }

    private Token Peek() => tokens[Math.Min(index + 1, tokens.Count - 1)];

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Expect(TokenKind kind, string what)
    {
        if (!Accept(kind))
        {
            throw new ExpressionException(Current.Kind == TokenKind.End
                ? $"Expected {what} but the expression ended at position {Current.Position}"
                : $"Expected {what} but found '{Current.Text}' at position {Current.Position}");
        }
    }

    private static ExpressionException Unexpected(Token token) => new(token.Kind == TokenKind.End
        ? $"The expression ended too early at position {token.Position}"
        : $"Unexpected '{token.Text}' at position {token.Position}");
}
