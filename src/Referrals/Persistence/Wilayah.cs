namespace Posyandu.Referrals.Persistence;

/// <summary>An administrative area from the roster: a desa/kelurahan, a kecamatan or a kabupaten, keyed by its Kemendagri code.</summary>
public sealed class Wilayah
{
    /// <summary>Kemendagri code: <c>PP.KK</c>, <c>PP.KK.CC</c> or <c>PP.KK.CC.DDDD</c>.</summary>
    public required string Kode { get; set; }
    public required string Nama { get; set; }
    public WilayahLevel Level { get; set; }
}

/// <summary>The level of a <see cref="Wilayah"/>, read from the structure of its code.</summary>
public enum WilayahLevel { Desa, Kecamatan, Kabupaten }
