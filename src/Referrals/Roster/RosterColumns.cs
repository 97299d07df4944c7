namespace Posyandu.Referrals.Roster;

/// <summary>The header names of the roster CSV (roster.md).</summary>
internal static class RosterColumns
{
    public const string Peran = "peran";
    public const string Nama = "nama";
    public const string Telepon = "telepon";
    public const string KodeWilayah = "kode_wilayah";
    public const string NamaWilayah = "nama_wilayah";
    public const string Posyandu = "posyandu";
    public const string HariBuka = "hari_buka";
    public const string Bidang = "bidang";

    public static readonly string[] Required = [Peran, Nama, Telepon, KodeWilayah, NamaWilayah];
    public static readonly string[] All = [Peran, Nama, Telepon, KodeWilayah, NamaWilayah, Posyandu, HariBuka, Bidang];
}
