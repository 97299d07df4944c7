using System.Diagnostics.CodeAnalysis;
using Posyandu.Conversation.Forms;

namespace Posyandu.Bot.Host.Api;

/// <summary>A query parameter naming one of the six bidang by its code (<c>PR</c>), read case-insensitively.</summary>
internal readonly record struct BidangCode(string Code) : IParsable<BidangCode>
{
    public static IReadOnlyList<string> All { get; } = [.. Bidang.All.Select(b => b.Code)];

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out BidangCode result)
    {
        var bidang = s is null ? null : Bidang.Find(s.Trim());
        result = new BidangCode(bidang?.Code ?? "");
        return bidang is not null;
    }

    public static BidangCode Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException($"'{s}' is not a bidang code.");

    public override string ToString() => Code;
}
