namespace Posyandu.Conversation.Forms;

/// <summary>A value a form computes from its answers (<c>luas_per_orang</c>), and how the summary shows it.</summary>
public sealed record DerivedDefinition(string Name, string Label, string Expression)
{
    /// <summary>Display template with <c>{value}</c>, e.g. <c>{value} m² per orang</c>; null = the value alone.</summary>
    public string? Format { get; init; }
    /// <summary>Digits kept after the decimal comma when the value is a number.</summary>
    public int Decimals { get; init; } = 1;
    /// <summary>Display text per string value (<c>berat</c> → <c>Berat</c>).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
    /// <summary>A helper value used by other rules but not shown in the summary or the alert.</summary>
    public bool Hidden { get; init; }
}
