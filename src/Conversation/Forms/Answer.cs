namespace Posyandu.Conversation.Forms;

/// <summary>A parsed answer to one field. Exactly the property of the field's type is set, or <see cref="Skipped"/>.</summary>
public sealed record Answer
{
    public bool Skipped { get; init; }
    /// <summary>text, phone (E.164), nik (16 digits), rt_rw ("003/004"), or a typed landmark for a location field.</summary>
    public string? Text { get; init; }
    public decimal? Number { get; init; }
    public bool? Yes { get; init; }
    /// <summary>Option values of a choice (one) or multi (several) field.</summary>
    public IReadOnlyList<string>? Options { get; init; }
    public DateOnly? Date { get; init; }
    public IReadOnlyList<string>? PhotoIds { get; init; }
    public GeoPoint? Location { get; init; }

    public static readonly Answer Skip = new() { Skipped = true };
}
