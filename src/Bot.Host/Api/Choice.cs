using System.Diagnostics.CodeAnalysis;

namespace Posyandu.Bot.Host.Api;

/// <summary>A query parameter naming one member of <typeparamref name="T"/> in the API's casing (<see cref="ApiNames"/>), read case-insensitively.</summary>
internal readonly record struct Choice<T>(T Value) : IParsable<Choice<T>> where T : struct, Enum
{
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Choice<T> result)
    {
        var found = ApiNames.TryParse<T>(s, out var value);
        result = new Choice<T>(value);
        return found;
    }

    public static Choice<T> Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException($"'{s}' is not a {typeof(T).Name}.");

    public override string ToString() => ApiNames.Of(Value);
}
