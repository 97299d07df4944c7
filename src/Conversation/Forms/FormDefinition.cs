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
}
