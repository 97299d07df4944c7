using Posyandu.Conversation.Growth;

namespace Posyandu.Conversation.Tests.Growth;

/// <summary>
/// WHO z-scores of the tables shipped in the assembly, against WHO's own test value and points worked out by hand from
/// the table rows quoted in each case:
/// z = ((y/M)^L − 1)/(L·S); beyond ±3 SD for weights, 3 + (y − SD3)/(SD3 − SD2) with SDk = M·(1 + L·S·k)^(1/L).
/// </summary>
public sealed class GrowthStandardsTests
{
    private static readonly GrowthStandards Who = GrowthStandards.Who;

    [Fact]
    public void Weight_for_age_matches_whos_published_test_value()
    {
        // WHO anthro's own test: girl, 1522 days, 17 kg -> 0.24. Row 2/1522: L -0.3387, M 16.433, S 0.14051.
        Assert.Equal(0.24, Math.Round(Who.WeightForAge(Sex.Female, 1522, 17)!.Value, 2));
    }

    [Theory]
    // Boy at birth, exactly the median: row 1/0 L 0.3487, M 3.3464, S 0.14602 -> 0.
    [InlineData(Sex.Male, 0, 3.3464, 0.0)]
    // Boy 365 d, 7 kg: row L 0.0645, M 9.646, S 0.10925 -> ((7/9.646)^0.0645 - 1)/(0.0645*0.10925) = -2.9047.
    [InlineData(Sex.Male, 365, 7.0, -2.9047)]
    // Girl 200 d, 4 kg: row L -0.0922, M 7.4995, S 0.12185; plain LMS -5.31, restricted: SD3neg = 4.3957,
    // SD2neg = 5.0064 -> -3 + (4 - 4.3957)/(5.0064 - 4.3957) = -4.8745.
    [InlineData(Sex.Female, 200, 4.0, -4.8745)]
    // Boy 1000 d, 22 kg: row L -0.0558, M 13.8057, S 0.11945; plain LMS 3.85, restricted 3.9580.
    [InlineData(Sex.Male, 1000, 22.0, 3.9580)]
    // Girl 1826 d (59 months), 10 kg: row L -0.3518, M 18.2179, S 0.14821; restricted -4.2155.
    [InlineData(Sex.Female, 1826, 10.0, -4.2155)]
    public void Weight_for_age(Sex sex, int days, double kg, double expected)
    {
        Assert.Equal(expected, Who.WeightForAge(sex, days, kg)!.Value, 0.0005);
    }

    [Fact]
    public void Weights_beyond_three_sd_use_whos_restricted_formula_not_the_plain_lms_one()
    {
        // Same rows as above: the plain formula would give -5.3107 and 3.8506.
        Assert.NotEqual(-5.3107, Who.WeightForAge(Sex.Female, 200, 4.0)!.Value, 2);
        Assert.NotEqual(3.8506, Who.WeightForAge(Sex.Male, 1000, 22.0)!.Value, 2);
    }

    [Theory]
    // Boy 400 d, 70 cm lying (as expected below 731 d): row L 1, M 77.0812, S 0.03157 -> (70/77.0812 - 1)/0.03157 = -2.9099.
    [InlineData(Sex.Male, 400, 70.0, true, -2.9099)]
    // Girl 500 d measured standing: +0.7 -> 75.7 cm; row M 79.0642, S 0.03564 -> -1.1939.
    [InlineData(Sex.Female, 500, 75.0, false, -1.1939)]
    // Boy 900 d measured lying: -0.7 -> 84.3 cm; row M 91.6118, S 0.03691 -> -2.1624.
    [InlineData(Sex.Male, 900, 85.0, true, -2.1624)]
    // Girl 1200 d standing, no correction: row M 97.3704, S 0.04064 -> -0.5990.
    [InlineData(Sex.Female, 1200, 95.0, false, -0.5990)]
    public void Length_or_height_for_age_with_the_07_cm_correction(Sex sex, int days, double cm, bool lying, double expected)
    {
        Assert.Equal(expected, Who.LengthForAge(sex, days, cm, lying)!.Value, 0.0005);
    }

    [Theory]
    // Boy 300 d, 70 cm lying, 6.5 kg: wflanthro 1/70.0 L -0.3521, M 8.4227, S 0.08229; restricted -3.2778.
    [InlineData(Sex.Male, 300, 70.0, 6.5, true, -3.2778)]
    // Girl 600 d, 80.25 cm: halfway between 80.2 (M 10.1298) and 80.3 -> M 10.14005, S 0.089365 -> -1.3656
    // (the 80.2 row alone gives -1.3537, the 80.3 row -1.3775).
    [InlineData(Sex.Female, 600, 80.25, 9.0, true, -1.3656)]
    // Boy 1000 d, 90 cm standing, 20 kg: wfhanthro 1/90.0 M 12.8864, S 0.08032; restricted 5.4943.
    [InlineData(Sex.Male, 1000, 90.0, 20.0, false, 5.4943)]
    // Girl 1500 d measured lying 100.3 cm: -0.7 -> 99.6 cm on wfhanthro, M 15.1109, S 0.09077, 11 kg -> -3.6524.
    [InlineData(Sex.Female, 1500, 100.3, 11.0, true, -3.6524)]
    public void Weight_for_length_or_height_interpolated_and_corrected(Sex sex, int days, double cm, double kg, bool lying, double expected)
    {
        Assert.Equal(expected, Who.WeightForLength(sex, days, cm, kg, lying)!.Value, 0.0005);
    }

    [Theory]
    // Boy 91 d (the table's first row), exactly the median: row 1/91 L 0.3933, M 13.4779, S 0.07474 -> 0.
    [InlineData(Sex.Male, 91, 13.4779, 0.0)]
    // Boy 365 d, 12 cm: row L 0.1263, M 14.6447, S 0.07689 -> ((12/14.6447)^0.1263 - 1)/(0.1263*0.07689) = -2.5580.
    [InlineData(Sex.Male, 365, 12.0, -2.5580)]
    // Same row, 11 cm: plain LMS -3.6555; restricted: SD3neg = 11.5881, SD2neg = 12.5383 -> -3 + (11 - 11.5881)/0.9502 = -3.6190.
    [InlineData(Sex.Male, 365, 11.0, -3.6190)]
    // Girl 1000 d, 15.5 cm: row L -0.1733, M 15.4817, S 0.08288 -> 0.0143.
    [InlineData(Sex.Female, 1000, 15.5, 0.0143)]
    // Same row, 22 cm: plain LMS 4.1132; restricted: SD3 = 19.9617, SD2 = 18.3173 -> 3 + (22 - 19.9617)/1.6444 = 4.2396.
    [InlineData(Sex.Female, 1000, 22.0, 4.2396)]
    public void Arm_circumference_for_age_restricted_beyond_three_sd(Sex sex, int days, double cm, double expected)
    {
        Assert.Equal(expected, Who.ArmForAge(sex, days, cm)!.Value, 0.0005);
    }

    [Fact]
    public void Arm_circumference_has_no_z_score_before_91_days_or_after_1826()
    {
        Assert.Null(Who.ArmForAge(Sex.Male, 90, 12));
        Assert.Null(Who.ArmForAge(Sex.Female, 0, 10));
        Assert.Null(Who.ArmForAge(Sex.Female, 1827, 15));
        Assert.Null(Who.ArmForAge(Sex.Male, 365, 0));
        Assert.NotNull(Who.ArmForAge(Sex.Female, 1826, 15));
    }

    [Fact]
    public void The_same_files_read_from_a_folder_give_the_same_scores()
    {
        var fromFolder = GrowthStandards.Load(GrowthTestTables.Folder);

        Assert.Equal(Who.WeightForAge(Sex.Female, 1522, 17), fromFolder.WeightForAge(Sex.Female, 1522, 17));
        Assert.Equal(Who.ArmForAge(Sex.Male, 365, 11), fromFolder.ArmForAge(Sex.Male, 365, 11));
        Assert.Same(GrowthStandards.Who, GrowthStandards.Who);
    }

    [Fact]
    public void Length_table_below_731_days_and_height_table_from_731()
    {
        // 70 cm is on both tables; the rows differ (wfl 1/70.0 M 8.4227, wfh 1/70.0 M 8.5808), so the age decides.
        var length = Who.WeightForLength(Sex.Male, 730, 70.0, 8.4227, measuredLying: true)!.Value;
        var height = Who.WeightForLength(Sex.Male, 731, 70.0, 8.4227, measuredLying: false)!.Value;

        Assert.Equal(0, length, 4);
        Assert.True(height < -0.1, $"height table expected, got {height}");
    }

    [Fact]
    public void Values_outside_the_tables_give_null()
    {
        Assert.Null(Who.WeightForAge(Sex.Male, 1827, 15));
        Assert.Null(Who.WeightForAge(Sex.Male, -1, 3));
        Assert.Null(Who.WeightForAge(Sex.Male, 100, 0));
        Assert.Null(Who.LengthForAge(Sex.Female, 2000, 100, measuredLying: false));
        Assert.Null(Who.WeightForLength(Sex.Male, 300, 44.9, 3, measuredLying: true));
        Assert.Null(Who.WeightForLength(Sex.Male, 1000, 120.1, 20, measuredLying: false));
        Assert.Null(Who.WeightForLength(Sex.Male, -5, 70, 8, measuredLying: true));
    }

    [Theory]
    [InlineData(400, 70.0, true, 70.0)]
    [InlineData(400, 70.0, false, 70.7)]
    [InlineData(731, 90.0, true, 89.3)]
    [InlineData(731, 90.0, false, 90.0)]
    public void The_correction_follows_age_and_how_the_child_was_measured(int days, double cm, bool lying, double expected)
    {
        Assert.Equal(expected, GrowthStandards.Corrected(days, cm, lying), 6);
    }
}
