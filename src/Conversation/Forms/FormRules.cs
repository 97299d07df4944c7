using System.Runtime.CompilerServices;
using Posyandu.Conversation.Forms.Expressions;

namespace Posyandu.Conversation.Forms;

/// <summary>
/// A form's expressions parsed once (showIf, derived values, flags, urgency). The catalog is type-checked at load, so an
/// expression should never fail on answers; if one still does, a kader's message must not crash the dialog and the
/// failure must not hide anything: a showIf that fails asks its question, and <see cref="FormAssessor"/> reports a failed
/// rule and raises the urgency.
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

    public bool IsVisible(FieldDefinition field, Func<string, object?> lookup)
    {
        if (!_showIf.TryGetValue(field.Name, out var condition))
        {
            return true;
        }

        try
        {
            return condition.IsTrue(lookup);
        }
        catch (ExpressionException)
        {
            return true;
        }
    }

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
}
