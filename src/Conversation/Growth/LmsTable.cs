using System.Globalization;

namespace Posyandu.Conversation.Growth;

/// <summary>
/// One WHO anthro table (<c>weianthro.txt</c>…): tab-separated with a header line, columns sex, key (age in days or
/// length in cm by 0.1), l, m, s and optionally a loh/lorh marker. Rows are keyed by sex and the key in tenths.
/// </summary>
public sealed class LmsTable
{
    private readonly Dictionary<(Sex Sex, int Tenths), LmsRow> _rows;

    private LmsTable(string name, Dictionary<(Sex, int), LmsRow> rows)
    {
        Name = name;
        _rows = rows;
    }

    /// <summary>The file name the table was read from, for messages.</summary>
    public string Name { get; }

    public int Count => _rows.Count;

    /// <summary>Reads a table; throws <see cref="FormatException"/> naming the table and line when a row is not sex, key, l, m, s.</summary>
    public static LmsTable Parse(string name, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new Dictionary<(Sex, int), LmsRow>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && line.StartsWith("sex", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var cells = line.Split('\t', StringSplitOptions.TrimEntries);
            if (cells.Length < 5
                || cells[0] is not ("1" or "2")
                || !TryNumber(cells[1], out var key) || !TryNumber(cells[2], out var l)
                || !TryNumber(cells[3], out var m) || !TryNumber(cells[4], out var s)
                || m <= 0 || s <= 0 || l == 0)
            {
                throw new FormatException($"{name}: line {lineNumber} is not 'sex, key, l, m, s' with sex 1 or 2, M and S above 0 and L not 0");
            }

            rows[((Sex)int.Parse(cells[0], CultureInfo.InvariantCulture), Tenths(key))] = new LmsRow(l, m, s);
        }

        return rows.Count > 0 ? new LmsTable(name, rows) : throw new FormatException($"{name}: the table has no rows");
    }

    /// <summary>The row for a whole key (an age in days, or a length on the 0.1 cm grid); null outside the table.</summary>
    public LmsRow? At(Sex sex, double key) => _rows.TryGetValue((sex, Tenths(key)), out var row) ? row : null;

    /// <summary>
    /// The row for a length with more than one decimal, interpolated linearly between the two 0.1 cm rows around it as
    /// WHO's anthro does; null outside the table.
    /// </summary>
    public LmsRow? Interpolated(Sex sex, double length)
    {
        var lowTenths = (int)Math.Floor(Math.Round(length * 10, 6));
        var fraction = Math.Round((length * 10) - lowTenths, 6);
        if (!_rows.TryGetValue((sex, lowTenths), out var low))
        {
            return null;
        }

        if (fraction <= 0)
        {
            return low;
        }

        return _rows.TryGetValue((sex, lowTenths + 1), out var high) ? low.Towards(high, fraction) : null;
    }

    private static int Tenths(double key) => (int)Math.Round(key * 10, MidpointRounding.AwayFromZero);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
