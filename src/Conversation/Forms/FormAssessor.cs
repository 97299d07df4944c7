using System.Globalization;
using System.Text.RegularExpressions;
using Posyandu.Conversation.Forms.Expressions;
using Posyandu.Conversation.Growth;
using Posyandu.Conversation.Parsing;
using Posyandu.Conversation.Texts;

namespace Posyandu.Conversation.Forms;

/// <summary>Applies a form's rules to its answers: derived values, flags, urgency and whether the reporter is hidden.</summary>
public static partial class FormAssessor
{
    /// <summary>The flag raised when a catalog rule could not be evaluated; no catalog flag may use this code.</summary>
    public const string RuleFailedCode = "aturan_gagal";

    /// <summary>
    /// Assesses the answers; <paramref name="growth"/> gives the WHO z-score functions their tables (null = the shipped
    /// ones, <see cref="GrowthStandards.Who"/>). A rule that fails to evaluate (the catalog check at load should prevent
    /// it) never lowers anything: it is listed in <see cref="Assessment.RuleErrors"/> for the caller to log, the urgency
    /// becomes the highest, a flag tells the reader, and a failed hideReporterIf hides the reporter.
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

        var errors = new List<string>();
        object? Evaluate(string rule, Expression expression)
        {
            try
            {
                return expression.Evaluate(Lookup);
            }
            catch (ExpressionException e)
            {
                errors.Add($"{form.Topic} {rule}: {e.Message}");
                return null;
            }
        }

        foreach (var (definition, expression) in rules.Derived)
        {
            derived[definition.Name] = Evaluate($"derived '{definition.Name}'", expression);
        }

        var values = rules.Derived
            .Where(d => !d.Definition.Hidden && derived[d.Definition.Name] is not null)
            .Select(d => new DerivedValue(d.Definition.Name, d.Definition.Label, Display(d.Definition, derived[d.Definition.Name]!)))
            .ToList();

        var flags = rules.Flags
            .Where(f => Evaluate($"flag '{f.Rule.Code}'", f.When) is true)
            .Select(f => new DerivedFlag(f.Rule.Code, Fill(f.Rule.Label, form, answers, derived)))
            .ToList();

        var urgency = rules.Urgency
            .Select((u, i) => (u.Rule.Level, Holds: Evaluate($"urgency[{i}]", u.When) is true))
            .FirstOrDefault(u => u.Holds).Level;
        var failedBefore = errors.Count;
        var hideReporter = rules.HideReporter is { } hide && (Evaluate("hideReporterIf", hide) is true || errors.Count > failedBefore);
        if (errors.Count > 0)
        {
            flags.Add(new DerivedFlag(RuleFailedCode, DialogTexts.RuleFailed));
            urgency = Enum.GetValues<Urgency>().Max();
        }

        return new Assessment(values, flags, urgency) { HideReporter = hideReporter, RuleErrors = errors };
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
