namespace Posyandu.Conversation.Growth;

/// <summary>One row of a WHO LMS table: Box-Cox power L, median M and coefficient of variation S.</summary>
public readonly record struct LmsRow(double L, double M, double S)
{
    /// <summary>
    /// The z-score of <paramref name="y"/>. With <paramref name="restricted"/> (the weight-based indicators) a value beyond
    /// ±3 SD is measured in units of the distance between the 2 and 3 SD curves, as WHO does, because the LMS curve is
    /// skewed there and would otherwise exaggerate extreme weights.
    /// </summary>
    public double ZScore(double y, bool restricted)
    {
        var z = (Math.Pow(y / M, L) - 1) / (S * L);
        if (!restricted || Math.Abs(z) <= 3)
        {
            return z;
        }

        if (z > 3)
        {
            var sd3 = Curve(3);
            return 3 + ((y - sd3) / (sd3 - Curve(2)));
        }

        var sd3neg = Curve(-3);
        return -3 + ((y - sd3neg) / (Curve(-2) - sd3neg));
    }

    /// <summary>The measurement at <paramref name="z"/> standard deviations: M·(1 + L·S·z)^(1/L).</summary>
    public double Curve(double z) => M * Math.Pow(1 + (L * S * z), 1 / L);

    /// <summary>The row a fraction <paramref name="t"/> of the way from this one to <paramref name="next"/>.</summary>
    public LmsRow Towards(LmsRow next, double t) =>
        new(L + (t * (next.L - L)), M + (t * (next.M - M)), S + (t * (next.S - S)));
}
