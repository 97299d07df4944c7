namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>The kinds of token in a catalog expression.</summary>
internal enum TokenKind
{
    Number, String, Identifier,
    And, Or, Not, In, True, False, Null,
    LeftParen, RightParen, LeftBracket, RightBracket, Comma,
    Plus, Minus, Star, Slash,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    End,
}

/// <summary>One token; <see cref="Position"/> is 1-based, as error messages show it.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text, object? Value = null);
