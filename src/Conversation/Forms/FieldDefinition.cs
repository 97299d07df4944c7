namespace Posyandu.Conversation.Forms;

/// <summary>One question of a form, as read from its catalog file.</summary>
public sealed record FieldDefinition
{
    public required string Name { get; init; }
    public required FieldType Type { get; init; }
    /// <summary>Short label for the numbered summary and for alerts ("Jumlah penghuni").</summary>
    public required string Label { get; init; }
    /// <summary>The question as the kader reads it, one short polite sentence.</summary>
    public required string Question { get; init; }
    /// <summary>What <c>bantuan</c> and the third failed try explain.</summary>
    public string? Help { get; init; }
    /// <summary>A typical answer ("7 orang"), shown in hints.</summary>
    public string? Example { get; init; }
    public bool Optional { get; init; }
    /// <summary>Minimum: characters for text, value for numbers.</summary>
    public decimal? Min { get; init; }
    /// <summary>Maximum: characters for text, value for numbers, photos for photo.</summary>
    public decimal? Max { get; init; }
    /// <summary>Unit of a number field ("m2", "kg", "cm", "orang"), used in parsing and display.</summary>
    public string? Unit { get; init; }
    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];
    /// <summary>Condition (expression language) under which the field is asked; null = always.</summary>
    public string? ShowIf { get; init; }
    /// <summary>For dates: whether a date after today is accepted.</summary>
    public bool AllowFuture { get; init; }
    /// <summary>For dates: at most this many whole months before today (an age limit, 59 for a balita); null = no limit.</summary>
    public int? MaxMonthsAgo { get; init; }
}

public enum FieldType { Text, Integer, Decimal, YesNo, Choice, Multi, Date, Phone, Nik, RtRw, Photo, Location }

/// <summary>An option of a choice or multi field; <see cref="Value"/> is stable code, <see cref="Label"/> what the kader sees.</summary>
public sealed record ChoiceOption(string Value, string Label)
{
    /// <summary>Other words a kader may type for this option ("seng bekas", "rumbia").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
