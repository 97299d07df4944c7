using Posyandu.Conversation.Growth;

namespace Posyandu.Conversation.Forms.Expressions;

/// <summary>
/// The WHO z-score functions: zscore_bbu(sex, age_days, weight), zscore_tbu(sex, age_days, length, lying),
/// zscore_bbtb(sex, age_days, length, weight, lying) and zscore_lilau(sex, age_days, arm_cm). Sex is 'l' (laki-laki) or
/// 'p' (perempuan); lying is true when the child was measured lying down. The result is rounded to 2 places as WHO
/// reports it, and null when any argument is null or the value is outside the tables, so rules over it do not fire.
/// </summary>
/// <remarks>
/// Other tables (<c>Growth:TablesPath</c>) reach the functions through the lookup under <see cref="TablesKey"/>, a name no
/// catalog expression can write (identifiers are snake_case), which keeps evaluation pure and the language free of a
/// separate context type; without them the functions use the shipped <see cref="GrowthStandards.Who"/>.
/// </remarks>
internal static class GrowthFunctions
{
    public const string TablesKey = "@growth";

    public static IEnumerable<Function> All =>
    [
        Scorer("zscore_bbu", [ValueTypes.Number], (tables, sex, age, n) => tables.WeightForAge(sex, age, n[0])),
        Scorer("zscore_tbu", [ValueTypes.Number, ValueTypes.Bool], (tables, sex, age, n) => tables.LengthForAge(sex, age, n[0], n[1] != 0)),
        Scorer("zscore_bbtb", [ValueTypes.Number, ValueTypes.Number, ValueTypes.Bool],
            (tables, sex, age, n) => tables.WeightForLength(sex, age, n[0], n[1], n[2] != 0)),
        Scorer("zscore_lilau", [ValueTypes.Number], (tables, sex, age, n) => tables.ArmForAge(sex, age, n[0])),
    ];

    /// <summary>A z-score function of sex, age in days and <paramref name="measurements"/> (a last true/false is "measured lying").</summary>
    private static Function Scorer(string name, ValueTypes[] measurements, Func<GrowthStandards, Sex, int, double[], double?> score)
    {
        var lastIsLying = measurements[^1] == ValueTypes.Bool;
        var count = measurements.Length + 2;
        return new Function(name, count, count, (args, lookup, position) => Score(args, lookup, position, name, lastIsLying, score))
        {
            Parameters = [ValueTypes.Text, ValueTypes.Number, .. measurements],
            Returns = ValueTypes.Number | ValueTypes.Null,
        };
    }

    /// <summary>Evaluates sex, age and the measurements (the last argument a true/false "lying" when <paramref name="lastIsLying"/>), then scores.</summary>
    private static decimal? Score(
        IReadOnlyList<Node> args, Func<string, object?> lookup, int position, string name, bool lastIsLying,
        Func<GrowthStandards, Sex, int, double[], double?> score)
    {
        var values = args.Select(a => a.Evaluate(lookup)).ToList();
        if (values.Any(v => v is null))
        {
            return null;
        }

        var sex = values[0] switch
        {
            string s when s.Equals("l", StringComparison.OrdinalIgnoreCase) => Sex.Male,
            string s when s.Equals("p", StringComparison.OrdinalIgnoreCase) => Sex.Female,
            var other => throw new ExpressionException($"{name}() needs sex 'l' or 'p' first, got {Values.Describe(other)} at position {position}"),
        };

        var numbers = new List<double>();
        for (var i = 1; i < values.Count; i++)
        {
            numbers.Add(values[i] switch
            {
                decimal d => (double)d,
                bool b when lastIsLying && i == values.Count - 1 => b ? 1 : 0,
                var other => throw new ExpressionException(
                    $"{name}() argument {i + 1} must be a {(lastIsLying && i == values.Count - 1 ? "true/false" : "number")}, got {Values.Describe(other)} at position {position}"),
            });
        }

        if (numbers[0] != Math.Floor(numbers[0]) || numbers[0] is < 0 or > int.MaxValue)
        {
            return null;
        }

        var tables = lookup(TablesKey) as GrowthStandards ?? GrowthStandards.Who;
        var z = score(tables, sex, (int)numbers[0], [.. numbers.Skip(1)]);
        return z is { } value && double.IsFinite(value) ? Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero) : null;
    }
}
