namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>A built-in function: its name, how many arguments it takes, and what it does with them (unevaluated, so <c>if</c> is lazy).</summary>
internal sealed record Function(string Name, int MinArguments, int MaxArguments, Func<IReadOnlyList<Node>, Func<string, object?>, int, object?> Body)
{
    /// <summary>The types each argument may have (besides null); the last one also covers any further arguments.</summary>
    public IReadOnlyList<ValueTypes> Parameters { get; init; } = [ValueTypes.Any];

    /// <summary>The types of the result.</summary>
    public ValueTypes Returns { get; init; } = ValueTypes.Any;

    /// <summary>The result's types from the arguments' types, for functions whose result follows them (if, min, max).</summary>
    public Func<IReadOnlyList<ValueTypes>, int, ValueTypes>? ReturnsOf { get; init; }

    public object? Invoke(IReadOnlyList<Node> arguments, Func<string, object?> lookup, int position) => Body(arguments, lookup, position);

    /// <summary>Checks the arguments' types against <see cref="Parameters"/> and gives the result's types.</summary>
    public ValueTypes Check(IReadOnlyList<ValueTypes> arguments, int position)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var index = i;
            TypeCheck.Require(arguments[i], Parameters[Math.Min(i, Parameters.Count - 1)], () => $"{Name}() argument {index + 1}", position);
        }

        return ReturnsOf?.Invoke(arguments, position) ?? Returns;
    }
}

/// <summary>
/// The functions catalog files may call: count, answered, contains, min, max, round, if, years_between, months_between,
/// days_between, and the WHO z-scores of <see cref="GrowthFunctions"/>. There is no today(): the caller puts <c>today</c> in the lookup, which keeps evaluation pure.
/// </summary>
internal static class Functions
{
    private const int Unlimited = int.MaxValue;

    private static readonly Dictionary<string, Function> All = new Function[]
    {
        new("count", 1, Unlimited, (args, lookup, position) => Count(args, lookup, position)) { Parameters = [ValueTypes.Bool], Returns = ValueTypes.Number },
        new("answered", 1, 1, (args, lookup, _) => args[0].Evaluate(lookup) is not null) { Returns = ValueTypes.Bool },
        new("contains", 2, 2, (args, lookup, position) => Contains(args, lookup, position))
        {
            Parameters = [ValueTypes.List, ValueTypes.Text], Returns = ValueTypes.Bool | ValueTypes.Null,
        },
        new("min", 2, Unlimited, (args, lookup, position) => Extreme(args, lookup, position, "min", smaller: true))
        {
            Parameters = [ValueTypes.Number | ValueTypes.Date], ReturnsOf = (types, position) => TypeCheck.Common(types, "min", position),
        },
        new("max", 2, Unlimited, (args, lookup, position) => Extreme(args, lookup, position, "max", smaller: false))
        {
            Parameters = [ValueTypes.Number | ValueTypes.Date], ReturnsOf = (types, position) => TypeCheck.Common(types, "max", position),
        },
        new("round", 2, 2, (args, lookup, position) => Round(args, lookup, position)) { Parameters = [ValueTypes.Number], Returns = ValueTypes.Number | ValueTypes.Null },
        new("if", 3, 3, (args, lookup, _) => args[0].Evaluate(lookup) is true ? args[1].Evaluate(lookup) : args[2].Evaluate(lookup))
        {
            Parameters = [ValueTypes.Bool, ValueTypes.Any, ValueTypes.Any], ReturnsOf = (types, _) => types[1] | types[2],
        },
        new("years_between", 2, 2, (args, lookup, position) => Between(args, lookup, position, "years_between", Years)) { Parameters = [ValueTypes.Date], Returns = ValueTypes.Number | ValueTypes.Null },
        new("months_between", 2, 2, (args, lookup, position) => Between(args, lookup, position, "months_between", Months)) { Parameters = [ValueTypes.Date], Returns = ValueTypes.Number | ValueTypes.Null },
        new("days_between", 2, 2, (args, lookup, position) => Between(args, lookup, position, "days_between", (a, b) => b.DayNumber - a.DayNumber))
        {
            Parameters = [ValueTypes.Date], Returns = ValueTypes.Number | ValueTypes.Null,
        },
    }.Concat(GrowthFunctions.All).ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static Function? Find(string name) => All.GetValueOrDefault(name);

    /// <summary>How many arguments are true; false and null count as not true.</summary>
    private static decimal Count(IReadOnlyList<Node> args, Func<string, object?> lookup, int position)
    {
        var count = 0m;
        foreach (var arg in args)
        {
            count += arg.Evaluate(lookup) switch
            {
                true => 1,
                false or null => 0,
                var other => throw new ExpressionException($"count() counts true or false, got {Values.Describe(other)} at position {position}"),
            };
        }

        return count;
    }

    private static bool? Contains(IReadOnlyList<Node> args, Func<string, object?> lookup, int position)
    {
        var list = args[0].Evaluate(lookup);
        var item = args[1].Evaluate(lookup);
        if (list is null || item is null)
        {
            return null;
        }

        return list is IReadOnlyList<string> texts && item is string text
            ? texts.Contains(text, StringComparer.Ordinal)
            : throw new ExpressionException($"contains() needs a list and a text, got {Values.Describe(list)} and {Values.Describe(item)} at position {position}");
    }

    /// <summary>The smallest or largest of numbers or of dates; null when any is null.</summary>
    private static object? Extreme(IReadOnlyList<Node> args, Func<string, object?> lookup, int position, string name, bool smaller)
    {
        object? best = null;
        foreach (var arg in args)
        {
            var value = arg.Evaluate(lookup);
            if (value is null)
            {
                return null;
            }

            if (best is null)
            {
                best = value is decimal or DateOnly
                    ? value
                    : throw new ExpressionException($"{name}() needs numbers or dates, got {Values.Describe(value)} at position {position}");
                continue;
            }

            var order = Values.Compare(value, best, name + "()", position);
            if (smaller ? order < 0 : order > 0)
            {
                best = value;
            }
        }

        return best;
    }

    /// <summary>round(x, n): half away from zero, as people round; n is 0 to 10 places.</summary>
    private static decimal? Round(IReadOnlyList<Node> args, Func<string, object?> lookup, int position)
    {
        var value = args[0].Evaluate(lookup);
        var places = args[1].Evaluate(lookup);
        if (value is null || places is null)
        {
            return null;
        }

        if (value is not decimal number || places is not decimal n || n != decimal.Truncate(n) || n is < 0 or > 10)
        {
            throw new ExpressionException(
                $"round() needs a number and 0 to 10 places, got {Values.Describe(value)} and {Values.Describe(places)} at position {position}");
        }

        return Math.Round(number, (int)n, MidpointRounding.AwayFromZero);
    }

    private static decimal? Between(IReadOnlyList<Node> args, Func<string, object?> lookup, int position, string name, Func<DateOnly, DateOnly, int> measure)
    {
        var from = args[0].Evaluate(lookup);
        var to = args[1].Evaluate(lookup);
        if (from is null || to is null)
        {
            return null;
        }

        return from is DateOnly a && to is DateOnly b
            ? (decimal)measure(a, b)
            : throw new ExpressionException($"{name}() needs two dates, got {Values.Describe(from)} and {Values.Describe(to)} at position {position}");
    }

    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/> (an age); negative when <paramref name="to"/> is earlier.</summary>
    private static int Years(DateOnly from, DateOnly to) => Months(from, to) / 12;

    /// <summary>Whole calendar months: 31 January to 28 February is 0, to 1 March is 1.</summary>
    private static int Months(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -Months(to, from);
        }

        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }
}
