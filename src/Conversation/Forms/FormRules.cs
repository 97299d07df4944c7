using System.Runtime.CompilerServices;
using Posyandu.Conversation.Forms.Expressions;

namespace Posyandu.Conversation.Forms;

/// <summary>
/// A form's expressions parsed once (showIf, derived values, flags, urgency) and evaluated safely: an expression that
/// fails at run time (a type mix-up in a catalog file) reads as null, so a kader's message never crashes the dialog.
/// </summary>
internal sealed class FormRules
{
    private static readonly ConditionalWeakTable<FormDefinition, FormRules> Cache = [];

    private readonly Dictionary<string, Expression> _showIf = new(StringComparer.Ordinal);

    private FormRules(FormDefinition form)
    {
        Form = form;
        foreach (var field in form.Fields.Where(f => f.ShowIf is not null))
        {
            _showIf[field.Name] = Expression.Parse(field.ShowIf!);
        }

        Derived = [.. form.Derived.Select(d => (d, Expression.Parse(d.Expression)))];
        Flags = [.. form.Flags.Select(f => (f, Expression.Parse(f.When)))];
        Urgency = [.. form.UrgencyRules.Select(u => (u, Expression.Parse(u.When)))];
        HideReporter = form.HideReporterIf is null ? null : Expression.Parse(form.HideReporterIf);
    }

    public FormDefinition Form { get; }

    public IReadOnlyList<(DerivedDefinition Definition, Expression Expression)> Derived { get; }

    public IReadOnlyList<(FlagRule Rule, Expression When)> Flags { get; }

    public IReadOnlyList<(UrgencyRule Rule, Expression When)> Urgency { get; }

    public Expression? HideReporter { get; }

    public static FormRules For(FormDefinition form) => Cache.GetValue(form, f => new FormRules(f));

    public bool IsVisible(FieldDefinition field, Func<string, object?> lookup) =>
        !_showIf.TryGetValue(field.Name, out var condition) || IsTrue(condition, lookup);

    /// <summary>The fields asked for these answers, in order.</summary>
    public IReadOnlyList<FieldDefinition> VisibleFields(IReadOnlyDictionary<string, Answer> answers, DateOnly today)
    {
        var lookup = AnswerValues.Lookup(Form, answers, today);
        return [.. Form.Fields.Where(f => IsVisible(f, lookup))];
    }

    /// <summary>Drops the answers of fields an earlier answer has hidden (showIf reads only earlier fields, so one pass in order suffices).</summary>
    public void DropHiddenAnswers(IDictionary<string, Answer> answers, DateOnly today)
    {
        var lookup = AnswerValues.Lookup(Form, answers.AsReadOnly(), today);
        foreach (var field in Form.Fields)
        {
            if (!IsVisible(field, lookup))
            {
                answers.Remove(field.Name);
            }
        }
    }

    public static object? SafeEvaluate(Expression expression, Func<string, object?> lookup)
    {
        try
        {
            return expression.Evaluate(lookup);
        }
        catch (ExpressionException)
        {
            return null;
        }
    }

    public static bool IsTrue(Expression expression, Func<string, object?> lookup) => SafeEvaluate(expression, lookup) is true;
}
