namespace Posyandu.Conversation.Forms;

/// <summary>One topic of one bidang (PR-RTLH…), as read from its catalog file.</summary>
public sealed record FormDefinition
{
    /// <summary>Topic code, e.g. <c>PR-RTLH</c>.</summary>
    public required string Topic { get; init; }
    /// <summary>Bidang code: KS, PD, PU, PR, TR or SO.</summary>
    public required string Bidang { get; init; }
    public required string Title { get; init; }
    /// <summary>Confidential topics go only to their named recipients and are hidden from lists.</summary>
    public bool Confidential { get; init; }
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }
    /// <summary>Place in its bidang's topic list (lower first; ties by topic code).</summary>
    public int Order { get; init; }
    /// <summary>Values computed from the answers, in order (a later one may read an earlier one).</summary>
    public IReadOnlyList<DerivedDefinition> Derived { get; init; } = [];
    /// <summary>Flags raised when their condition holds, shown in the summary and the alert.</summary>
    public IReadOnlyList<FlagRule> Flags { get; init; } = [];
    /// <summary>Ordered urgency rules: the first whose condition holds wins; none = <see cref="Urgency.Biasa"/>.</summary>
    public IReadOnlyList<UrgencyRule> UrgencyRules { get; init; } = [];
    /// <summary>Shown to the kader after the report is sent (e.g. the SAPA 129 line); null = nothing extra.</summary>
    public string? Notice { get; init; }
    /// <summary>Condition under which alerts and lists must not show who reported; null = never hidden.</summary>
    public string? HideReporterIf { get; init; }

    /// <summary>The field called <paramref name="name"/>, or null.</summary>
    public FieldDefinition? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
