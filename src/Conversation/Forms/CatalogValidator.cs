using System.Text;
using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms.Expressions;

namespace Posyandu.Conversation.Forms;

/// <summary>
/// Checks that a form read from a catalog file makes sense, its expressions type-checked against the fields' types, so a
/// rule that could not be evaluated is refused at start; the first problem becomes a one-line <see cref="CatalogException"/>.
/// </summary>
internal static partial class CatalogValidator
{
    /// <summary>Telegram's limit for button data; field names and topic codes end up in it.</summary>
    private const int MaxButtonDataBytes = 64;

    /// <summary>Step names the form machine uses besides the fields, so no field may take them.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { AnswerValues.Today, "mulai", "ringkasan", "konfirmasi_batal", "terkirim", "dibatalkan" };

    public static void Validate(string file, FormDefinition form, bool checkTopic = true)
    {
        var topicError = checkTopic ? TopicProblem(file, form) : null;
        if (topicError is not null)
        {
            throw new CatalogException($"{file}: {topicError}");
        }

        var earlier = new HashSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, ValueTypes>(StringComparer.Ordinal) { [AnswerValues.Today] = ValueTypes.Date };
        foreach (var field in form.Fields)
        {
            var problem = FieldProblem(field, earlier, types);
            if (problem is not null)
            {
                throw new CatalogException($"{file}: field '{field.Name}': {problem}");
            }

            earlier.Add(field.Name);
            types[field.Name] = TypeOf(field.Type) | ValueTypes.Null;
        }

        var known = new HashSet<string>(earlier, StringComparer.Ordinal) { AnswerValues.Today };
        foreach (var derived in form.Derived)
        {
            var type = ValueTypes.Any;
            var problem = NameProblem(derived.Name, known, "name")
                ?? ExpressionProblem("expression", derived.Expression, types, out type, condition: false)
                ?? (derived.Decimals is < 0 or > 6 ? "decimals must be between 0 and 6" : null)
                ?? (derived.Format is { } format && !format.Contains("{value}", StringComparison.Ordinal) ? "format must contain {value}" : null)
                ?? TextProblem("label", derived.Label);
            if (problem is not null)
            {
                throw new CatalogException($"{file}: derived '{derived.Name}': {problem}");
            }

            known.Add(derived.Name);
            types[derived.Name] = type | ValueTypes.Null;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in form.Flags)
        {
            var problem = (CodePattern().IsMatch(flag.Code) ? null : "code must be snake_case (a-z, 0-9, _)")
                ?? (codes.Add(flag.Code) ? null : "duplicate flag code")
                ?? (flag.Code == FormAssessor.RuleFailedCode ? $"'{flag.Code}' is reserved for a rule that fails" : null)
                ?? ExpressionProblem("when", flag.When, types, out _, condition: true)
                ?? TextProblem("label", flag.Label)
                ?? FormAssessor.Placeholders(flag.Label).Where(p => !known.Contains(p)).Select(p => $"label: unknown placeholder {{{p}}}").FirstOrDefault();
            if (problem is not null)
            {
                throw new CatalogException($"{file}: flag '{flag.Code}': {problem}");
            }
        }

        for (var i = 0; i < form.UrgencyRules.Count; i++)
        {
            var problem = ExpressionProblem("when", form.UrgencyRules[i].When, types, out _, condition: true);
            if (problem is not null)
            {
                throw new CatalogException($"{file}: urgency[{i}]: {problem}");
            }
        }

        if (form.HideReporterIf is { } hide && ExpressionProblem("hideReporterIf", hide, types, out _, condition: true) is { } hideProblem)
        {
            throw new CatalogException($"{file}: {hideProblem}");
        }
    }

    private static string? TopicProblem(string file, FormDefinition form)
    {
        if (Bidang.Find(form.Bidang) is not { } bidang || bidang.Code != form.Bidang)
        {
            return $"unknown bidang '{form.Bidang}' (expected one of {string.Join(", ", Bidang.All.Select(b => b.Code))})";
        }

        if (!TopicPattern().IsMatch(form.Topic) || Encoding.UTF8.GetByteCount(form.Topic) > 40)
        {
            return $"topic '{form.Topic}' must look like PR-RTLH (upper-case, dashes, at most 40 characters)";
        }

        if (!form.Topic.StartsWith(form.Bidang + "-", StringComparison.Ordinal))
        {
            return $"topic '{form.Topic}' must start with its bidang '{form.Bidang}-'";
        }

        if (!string.Equals(Path.GetFileNameWithoutExtension(file), form.Topic, StringComparison.Ordinal))
        {
            return $"topic '{form.Topic}' must be stored in a file named {form.Topic}.json";
        }

        if (form.Fields.Count == 0)
        {
            return "fields: a topic needs at least one field";
        }

        if (form.Notice is { } notice && string.IsNullOrWhiteSpace(notice))
        {
            return "notice must not be empty (leave it out instead)";
        }

        return TextProblem("title", form.Title);
    }

    private static string? FieldProblem(FieldDefinition field, HashSet<string> earlier, IReadOnlyDictionary<string, ValueTypes> types)
    {
        var isChoice = field.Type is FieldType.Choice or FieldType.Multi;
        var isNumber = field.Type is FieldType.Integer or FieldType.Decimal;
        return NameProblem(field.Name, earlier, "name")
            ?? TextProblem("label", field.Label)
            ?? TextProblem("question", field.Question)
            ?? (isChoice && field.Options.Count == 0 ? $"{TypeName(field.Type)} has no options" : null)
            ?? (isChoice && field.Options.Count == 1 ? $"{TypeName(field.Type)} needs at least two options" : null)
            ?? (!isChoice && field.Options.Count > 0 ? $"options are only for choice and multi fields, not {TypeName(field.Type)}" : null)
            ?? OptionsProblem(field)
            ?? (field.Min is { } min && field.Max is { } max && min > max ? "min is greater than max" : null)
            ?? (field.Type is FieldType.Text or FieldType.Photo && field.Min < 0 ? "min must not be negative" : null)
            ?? (field.Type == FieldType.Photo && field.Max is < 1 or > 10 ? "max photos must be between 1 and 10" : null)
            ?? (field.Unit is not null && !isNumber ? "unit is only for integer and decimal fields" : null)
            ?? (field.Type == FieldType.Integer && (HasFraction(field.Min) || HasFraction(field.Max)) ? "min and max of an integer must be whole numbers" : null)
            ?? (field.AllowFuture && field.Type != FieldType.Date ? "allowFuture is only for date fields" : null)
            ?? (field.MaxMonthsAgo is not null && field.Type != FieldType.Date ? "maxMonthsAgo is only for date fields" : null)
            ?? (field.MaxMonthsAgo is < 0 ? "maxMonthsAgo must not be negative" : null)
            ?? (field.ShowIf is { } showIf ? ExpressionProblem("showIf", showIf, types, out _, condition: true, laterHint: true) : null);
    }

    private static string? OptionsProblem(FieldDefinition field)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in field.Options)
        {
            if (!CodePattern().IsMatch(option.Value))
            {
                return $"option value '{option.Value}' must be snake_case (a-z, 0-9, _)";
            }

            if (!values.Add(option.Value))
            {
                return $"duplicate option value '{option.Value}'";
            }

            if (string.IsNullOrWhiteSpace(option.Label) || !labels.Add(option.Label.Trim()))
            {
                return $"option '{option.Value}': label is empty or repeated";
            }
        }

        return null;
    }

    private static string? NameProblem(string name, HashSet<string> taken, string what)
    {
        if (!CodePattern().IsMatch(name) || !char.IsAsciiLetterLower(name[0]) || name.Length > 40)
        {
            return $"{what} must be snake_case starting with a letter, at most 40 characters";
        }

        if (Reserved.Contains(name))
        {
            return $"'{name}' is a reserved word";
        }

        // Checked against Telegram's limit with the longest option number a field could plausibly have.
        if (Encoding.UTF8.GetByteCount($"c:{name}:999") > MaxButtonDataBytes)
        {
            return "name is too long for button data";
        }

        return taken.Contains(name) ? "duplicate field name" : null;
    }

    /// <summary>
    /// Parses and type-checks an expression over the names in <paramref name="types"/> (fields asked before it, derived
    /// values before it, today); a <paramref name="condition"/> must give true or false, since only true makes it hold.
    /// </summary>
    private static string? ExpressionProblem(
        string what, string source, IReadOnlyDictionary<string, ValueTypes> types, out ValueTypes result, bool condition, bool laterHint = false)
    {
        result = ValueTypes.Any;
        Expression expression;
        try
        {
            expression = Expression.Parse(source);
        }
        catch (ExpressionException e)
        {
            return $"{what}: {e.Message.ReplaceLineEndings(" ")}";
        }

        var unknown = expression.Identifiers.FirstOrDefault(i => !types.ContainsKey(i));
        if (unknown is not null)
        {
            return laterHint ? $"{what}: unknown field '{unknown}' (showIf may only read fields asked before it)" : $"{what}: unknown name '{unknown}'";
        }

        try
        {
            result = expression.Check(name => types[name]);
        }
        catch (ExpressionException e)
        {
            return $"{what}: {e.Message.ReplaceLineEndings(" ")}";
        }

        return condition && (result & ~(ValueTypes.Bool | ValueTypes.Null)) != ValueTypes.None
            ? $"{what}: a condition must give true or false, but this gives {TypeCheck.Describe(result)}: {source}"
            : null;
    }

    /// <summary>An answer's type inside expressions (schema.json, "Values in expressions").</summary>
    private static ValueTypes TypeOf(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.Decimal or FieldType.Photo => ValueTypes.Number,
        FieldType.YesNo => ValueTypes.Bool,
        FieldType.Multi => ValueTypes.List,
        FieldType.Date => ValueTypes.Date,
        _ => ValueTypes.Text,
    };

    private static string? TextProblem(string what, string text) =>
        string.IsNullOrWhiteSpace(text) ? $"{what} must not be empty" : null;

    private static bool HasFraction(decimal? value) => value is { } v && v != decimal.Truncate(v);

    private static string TypeName(FieldType type) => type switch
    {
        FieldType.YesNo => "yesno",
        FieldType.RtRw => "rt_rw",
        _ => type.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9_]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z]{2}(-[A-Z0-9]+)+$")]
    private static partial Regex TopicPattern();
}
