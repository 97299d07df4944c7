namespace Posyandu.Conversation.Growth;

/// <summary>
/// The WHO Child Growth Standards (2006) z-scores for children under five, from the LMS tables of WHO's anthro package:
/// weight-for-age, length/height-for-age, weight-for-length/height and arm circumference-for-age. Immutable; safe to
/// share between threads. <see cref="Who"/> reads the copy shipped inside this assembly (Growth/Tables, see its README).
/// </summary>
/// <remarks>
/// As anthro does: age in whole days; below 731 days the child should be measured lying (length), from 731 days standing
/// (height), and a measurement taken the other way is corrected by 0.7 cm (lying reads longer) before any lookup;
/// weight-for-length is used below 731 days and weight-for-height from 731; lengths between the 0.1 cm rows are
/// interpolated; the weight-based indicators and arm circumference use WHO's restricted formula beyond ±3 SD (their L is
/// not 1, so the LMS curve is skewed there). A value outside a table gives null.
/// </remarks>
public sealed class GrowthStandards
{
    /// <summary>The first age in days at which height (standing) rather than length (lying) is the reference.</summary>
    public const int HeightFromDays = 731;

    /// <summary>How much longer a child measures lying than standing.</summary>
    public const double LyingCorrectionCm = 0.7;

    /// <summary>The file names WHO's anthro package uses, which <see cref="Load"/> expects in its folder.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["weianthro.txt", "lenanthro.txt", "wflanthro.txt", "wfhanthro.txt", "acanthro.txt"];

    /// <summary>The logical name prefix of the shipped tables (LogicalName in Conversation.csproj).</summary>
    private const string ResourcePrefix = "Posyandu.Conversation.Growth.Tables.";

    private static readonly Lazy<GrowthStandards> Shipped = new(() => Build(OpenShipped, "Posyandu.Conversation (bawaan)"));

    private readonly LmsTable _weightForAge;
    private readonly LmsTable _lengthForAge;
    private readonly LmsTable _weightForLength;
    private readonly LmsTable _weightForHeight;
    private readonly LmsTable _armForAge;

    public GrowthStandards(LmsTable weightForAge, LmsTable lengthForAge, LmsTable weightForLength, LmsTable weightForHeight, LmsTable armForAge)
    {
        _weightForAge = weightForAge ?? throw new ArgumentNullException(nameof(weightForAge));
        _lengthForAge = lengthForAge ?? throw new ArgumentNullException(nameof(lengthForAge));
        _weightForLength = weightForLength ?? throw new ArgumentNullException(nameof(weightForLength));
        _weightForHeight = weightForHeight ?? throw new ArgumentNullException(nameof(weightForHeight));
        _armForAge = armForAge ?? throw new ArgumentNullException(nameof(armForAge));
    }

    /// <summary>The WHO tables shipped inside this assembly, read once on first use.</summary>
    public static GrowthStandards Who => Shipped.Value;

    /// <summary>
    /// Reads the five tables from <paramref name="folder"/>; throws <see cref="GrowthTablesException"/> with one line naming
    /// the folder and the file that is missing or unreadable.
    /// </summary>
    public static GrowthStandards Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return Build(name => File.OpenText(Path.Combine(folder, name)), $"'{folder}'");
    }

    /// <summary>Weight-for-age (BB/U) z-score; null when the age is outside 0–1826 days (60 months) or the weight is not positive.</summary>
    public double? WeightForAge(Sex sex, int ageDays, double weightKg) =>
        weightKg > 0 && _weightForAge.At(sex, ageDays) is { } row ? row.ZScore(weightKg, restricted: true) : null;

    /// <summary>Length/height-for-age (PB/U or TB/U) z-score, the measurement corrected for how it was taken.</summary>
    public double? LengthForAge(Sex sex, int ageDays, double lengthCm, bool measuredLying) =>
        lengthCm > 0 && _lengthForAge.At(sex, ageDays) is { } row
            ? row.ZScore(Corrected(ageDays, lengthCm, measuredLying), restricted: false)
            : null;

    /// <summary>
    /// Weight-for-length (below 731 days, 45–110 cm) or weight-for-height (from 731 days, 65–120 cm) z-score, the
    /// measurement corrected for how it was taken; null outside the table or for a negative age.
    /// </summary>
    public double? WeightForLength(Sex sex, int ageDays, double lengthCm, double weightKg, bool measuredLying)
    {
        if (ageDays < 0 || weightKg <= 0 || lengthCm <= 0)
        {
            return null;
        }

        var table = ageDays < HeightFromDays ? _weightForLength : _weightForHeight;
        return table.Interpolated(sex, Corrected(ageDays, lengthCm, measuredLying)) is { } row ? row.ZScore(weightKg, restricted: true) : null;
    }

    /// <summary>Arm circumference-for-age (LiLA/U) z-score; null outside 91–1826 days (WHO's table covers 3 to 60 months) or for a non-positive LiLA.</summary>
    public double? ArmForAge(Sex sex, int ageDays, double armCm) =>
        armCm > 0 && _armForAge.At(sex, ageDays) is { } row ? row.ZScore(armCm, restricted: true) : null;

    /// <summary>The measurement as the reference for this age expects it: length below 731 days, height from 731.</summary>
    public static double Corrected(int ageDays, double lengthCm, bool measuredLying) => (ageDays < HeightFromDays, measuredLying) switch
    {
        (true, false) => lengthCm + LyingCorrectionCm,
        (false, true) => lengthCm - LyingCorrectionCm,
        _ => lengthCm,
    };

    private static GrowthStandards Build(Func<string, TextReader> open, string where)
    {
        var tables = FileNames.Select(name => Read(open, name, where)).ToList();
        return new GrowthStandards(tables[0], tables[1], tables[2], tables[3], tables[4]);
    }

    private static LmsTable Read(Func<string, TextReader> open, string name, string where)
    {
        try
        {
            using var reader = open(name);
            return LmsTable.Parse(name, reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new GrowthTablesException($"Tabel pertumbuhan WHO di {where} tidak dapat dibaca: {e.Message}", e);
        }
    }

    private static StreamReader OpenShipped(string name) =>
        new(typeof(GrowthStandards).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new FileNotFoundException($"{name} is not embedded", name));
}
