namespace Posyandu.Conversation.Forms;

/// <summary>What an answer is worth inside a catalog expression (see schema.json, "Values in expressions").</summary>
internal static class AnswerValues
{
    /// <summary>The name under which expressions read the local date of the conversation.</summary>
    public const string Today = "today";

    public static object? ValueOf(FieldDefinition field, Answer? answer)
    {
        if (answer is null || answer.Skipped)
        {
            return null;
        }

        return field.Type switch
        {
            FieldType.Integer or FieldType.Decimal => answer.Number,
            FieldType.YesNo => answer.Yes,
            FieldType.Choice => answer.Options is [var single] ? single : null,
            FieldType.Multi => answer.Options,
            FieldType.Date => answer.Date,
            // A photo field counts its photos so a rule can ask "count of photos >= 1"; a location is its landmark or map link.
            FieldType.Photo => (decimal)(answer.PhotoIds?.Count ?? 0),
            FieldType.Location => answer.Location?.MapLink ?? answer.Text,
            _ => answer.Text,
        };
    }

    /// <summary>A lookup over the answers (unanswered and skipped fields read as null) and <c>today</c>.</summary>
    public static Func<string, object?> Lookup(FormDefinition form, IReadOnlyDictionary<string, Answer> answers, DateOnly today) =>
        name =>
        {
            if (name == Today)
            {
                return today;
            }

            var field = form.Field(name);
            return field is not null && answers.TryGetValue(name, out var answer) ? ValueOf(field, answer) : null;
        };
}
