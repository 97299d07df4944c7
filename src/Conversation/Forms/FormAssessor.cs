using System.Globalization;
using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms.Expressions;
using Posyandu.Conversation.Growth;
using Posyandu.Conversation.Parsing;

namespace Posyandu.Conversation.Forms;

/// <summary>Applies a form's rules to its answers: derived values, flags, urgency and whether the reporter is hidden.</summary>
public static partial class FormAssessor
{
    /// <summary>
    /// Assesses the answers; <paramref name="growth"/> gives the WHO z-score functions their tables (null = the shipped
    /// ones, <see cref="GrowthStandards.Who"/>).
    /// </summary>
    public static Assessment Assess(FormDefinition form, IReadOnlyDictionary<string, Answer> answers, DateOnly today, GrowthStandards? growth = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        var rules = FormRules.For(form);
        var answerLookup = AnswerValues.Lookup(form, answers, today);
        var derived = new Dictionary<string, object?>(StringComparer.Ordinal);
        object? Lookup(string name) =>
            name == GrowthFunctions.TablesKey ? growth : derived.TryGetValue(name, out var value) ? value : answerLookup(name);

        foreach (var (definition, expression) in rules.Derived)
        {
            derived[definition.Name] = FormRules.SafeEvaluate(expression, Lookup);
        }

        var values = rules.Derived
            .Where(d => !d.Definition.Hidden && derived[d.Definition.Name] is not null)
            .Select(d => new DerivedValue(d.Definition.Name, d.Definition.Label, Display(d.Definition, derived[d.Definition.Name]!)))
            .ToList();

        var flags = rules.Flags
            .Where(f => FormRules.IsTrue(f.When, Lookup))
            .Select(f => new DerivedFlag(f.Rule.Code, Fill(f.Rule.Label, form, answers, derived)))
            .ToList();

        var urgency = rules.Urgency.FirstOrDefault(u => FormRules.IsTrue(u.When, Lookup)).Rule?.Level ?? Urgency.Biasa;
        var hideReporter = rules.HideReporter is { } hide && FormRules.IsTrue(hide, Lookup);
        return new Assessment(values, flags, urgency) { HideReporter = hideReporter };
    }

    /// <summary>The placeholders <c>{name}</c> a flag label may use.</summary>
    internal static IEnumerable<string> Placeholders(string label) =>
        PlaceholderPattern().Matches(label).Select(m => m.Groups[1].Value);

    private static string Display(DerivedDefinition definition, object value)
    {
        var text = Plain(definition, value);
        return definition.Format is null ? text : definition.Format.Replace("{value}", text, StringComparison.Ordinal);
    }

    /// <summary>A derived value without its display template: rounded number, mapped string, Ya/Tidak.</summary>
    private static string Plain(DerivedDefinition definition, object value) => value switch
    {
        decimal number => IndonesianNumbers.Format(number, definition.Decimals),
        bool yes => yes ? "Ya" : "Tidak",
        string s => definition.Values.TryGetValue(s, out var label) ? label : s,
        DateOnly date => AnswerDisplay.Date(date),
        IEnumerable<string> list => string.Join(", ", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Fill(string label, FormDefinition form, IReadOnlyDictionary<string, Answer> answers, Dictionary<string, object?> derived) =>
        PlaceholderPattern().Replace(label, m =>
        {
            var name = m.Groups[1].Value;
            if (derived.TryGetValue(name, out var value))
            {
                var definition = form.Derived.First(d => d.Name == name);
                return value is null ? "-" : Plain(definition, value);
            }

            return form.Field(name) is { } field && answers.TryGetValue(name, out var answer) ? AnswerDisplay.Format(field, answer) : "-";
        });

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();
}
