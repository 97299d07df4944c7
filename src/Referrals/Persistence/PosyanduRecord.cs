namespace Posyandu.Referrals.Persistence;

/// <summary>A Posyandu of a desa, as named in the roster, with its monthly opening day.</summary>
public sealed class PosyanduRecord
{
    public long Id { get; set; }
    public required string DesaKode { get; set; }
    public required string Nama { get; set; }
    /// <summary>Opening day of the month, 1–28.</summary>
    public int? HariBuka { get; set; }
}
