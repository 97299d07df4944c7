namespace Posyandu.Referrals.Persistence;

/// <summary>The last report number given per bidang and month (<c>yyMM</c> in the desa's local time).</summary>
public sealed class ReportCounter
{
    public required string Bidang { get; set; }
    public required string Period { get; set; }
    public int Last { get; set; }
}
