using System.Globalization;
using System.Text;

namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>Splits an expression into tokens: numbers, 'strings', lower-case identifiers, keywords and operators.</summary>
internal static class Tokenizer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null,
    };

    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var position = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(source, ref i));
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(source, ref i));
            }
            else if (char.IsAsciiLetterLower(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterLower(source[i]) || char.IsAsciiDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                if (i < source.Length && char.IsAsciiLetterUpper(source[i]))
                {
                    throw new ExpressionException($"Names are lower case: unexpected '{source[i]}' at position {i + 1}");
                }

                var word = source[start..i];
                tokens.Add(Keywords.TryGetValue(word, out var keyword)
                    ? new Token(keyword, position, word)
                    : new Token(TokenKind.Identifier, position, word));
            }
            else
            {
                var (kind, length) = ReadSymbol(source, i);
                tokens.Add(new Token(kind, position, source.Substring(i, length)));
                i += length;
            }
        }

        tokens.Add(new Token(TokenKind.End, source.Length + 1, ""));
        return tokens;
    }

    private static Token ReadNumber(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && char.IsAsciiDigit(source[i]))
        {
            i++;
        }

        if (i < source.Length && source[i] == '.')
        {
            i++;
            if (i >= source.Length || !char.IsAsciiDigit(source[i]))
            {
                throw new ExpressionException($"A digit must follow the decimal point at position {i + 1}");
            }

            while (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                i++;
            }
        }

        if (i < source.Length && (char.IsAsciiLetter(source[i]) || source[i] == '_'))
        {
            throw new ExpressionException($"Unexpected '{source[i]}' after a number at position {i + 1}");
        }

        var text = source[start..i];
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new Token(TokenKind.Number, start + 1, text, value)
            : throw new ExpressionException($"Number '{text}' is too large at position {start + 1}");
    }

    /// <summary>A single-quoted string; <c>\'</c> and <c>\\</c> escape a quote and a backslash.</summary>
    private static Token ReadString(string source, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < source.Length && source[i] != '\'')
        {
            if (source[i] == '\\' && i + 1 < source.Length && source[i + 1] is '\'' or '\\')
            {
                i++;
            }

            value.Append(source[i]);
            i++;
        }

        if (i >= source.Length)
        {
            throw new ExpressionException($"Text started at position {start + 1} has no closing quote");
        }

        i++;
        return new Token(TokenKind.String, start + 1, source[start..i], value.ToString());
    }

    private static (TokenKind Kind, int Length) ReadSymbol(string source, int i)
    {
        var next = i + 1 < source.Length ? source[i + 1] : '\0';
        return (source[i], next) switch
        {
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('=', _) => throw new ExpressionException($"Use '==' to compare, not '=', at position {i + 1}"),
            ('"', _) => throw new ExpressionException($"Text goes in single quotes ('…'), not double, at position {i + 1}"),
            var (c, _) when char.IsAsciiLetterUpper(c) => throw new ExpressionException($"Names are lower case: unexpected '{c}' at position {i + 1}"),
            var (c, _) => throw new ExpressionException($"Unexpected '{c}' at position {i + 1}"),
        };
    }
}
