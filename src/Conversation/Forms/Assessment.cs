namespace Posyandu.Conversation.Forms;

/// <summary>What the form's rules derived from the answers: computed values, flags and the urgency.</summary>
public sealed record Assessment(IReadOnlyList<DerivedValue> Values, IReadOnlyList<DerivedFlag> Flags, Urgency Urgency)
{
    /// <summary>The form's <c>hideReporterIf</c> held: alerts and lists must not show who reported.</summary>
    public bool HideReporter { get; init; }

    /// <summary>
    /// Catalog rules that could not be evaluated, one line each naming topic and rule, for the caller to log as errors;
    /// any of them has already raised <see cref="Urgency"/> to the highest level.
    /// </summary>
    public IReadOnlyList<string> RuleErrors { get; init; } = [];
}

/// <summary>A computed value shown in the summary ("Luas per orang: 5,0 m²").</summary>
public sealed record DerivedValue(string Name, string Label, string Display);

/// <summary>A raised flag ("sempit"), with the sentence the summary and the alert show.</summary>
public sealed record DerivedFlag(string Code, string Label);
