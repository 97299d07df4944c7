using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Roster;

/// <summary>The role codes of roster.md, the level of area each works at, and how each is named in messages.</summary>
public static class Peran
{
    public const string Kader = "KADER";
    public const string Kades = "KADES";
    public const string Sekdes = "SEKDES";
    public const string KasiKesra = "KASI_KESRA";
    public const string KasiPem = "KASI_PEM";
    public const string KaurPerencanaan = "KAUR_PERENCANAAN";
    public const string Kadus = "KADUS";
    public const string BidanDesa = "BIDAN_DESA";
    public const string Babinsa = "BABINSA";
    public const string Bhabinkamtibmas = "BHABINKAMTIBMAS";
    public const string Linmas = "LINMAS";
    public const string PendampingPkh = "PENDAMPING_PKH";
    public const string Tksk = "TKSK";
    public const string KetuaTpPosyandu = "KETUA_TP_POSYANDU";
    public const string Camat = "CAMAT";
    public const string Puskesmas = "PUSKESMAS";
    public const string Dpmd = "DPMD";
    public const string UptdPpa = "UPTD_PPA";
    public const string Bpbd = "BPBD";
    public const string Dinsos = "DINSOS";

    private static readonly Dictionary<string, (WilayahLevel Level, string Name)> Roles = new(StringComparer.Ordinal)
    {
        [Kader] = (WilayahLevel.Desa, "Kader"),
        [Kades] = (WilayahLevel.Desa, "Kepala Desa"),
        [Sekdes] = (WilayahLevel.Desa, "Sekretaris Desa"),
        [KasiKesra] = (WilayahLevel.Desa, "Kasi Kesejahteraan"),
        [KasiPem] = (WilayahLevel.Desa, "Kasi Pemerintahan"),
        [KaurPerencanaan] = (WilayahLevel.Desa, "Kaur Perencanaan"),
        [Kadus] = (WilayahLevel.Desa, "Kepala Dusun"),
        [BidanDesa] = (WilayahLevel.Desa, "Bidan Desa"),
        [Babinsa] = (WilayahLevel.Desa, "Babinsa"),
        [Bhabinkamtibmas] = (WilayahLevel.Desa, "Bhabinkamtibmas"),
        [Linmas] = (WilayahLevel.Desa, "Linmas"),
        [PendampingPkh] = (WilayahLevel.Desa, "Pendamping PKH"),
        [Tksk] = (WilayahLevel.Desa, "TKSK"),
        [KetuaTpPosyandu] = (WilayahLevel.Desa, "Ketua TP Posyandu"),
        [Camat] = (WilayahLevel.Kecamatan, "Camat"),
        [Puskesmas] = (WilayahLevel.Kecamatan, "Puskesmas"),
        [Dpmd] = (WilayahLevel.Kabupaten, "DPMD"),
        [UptdPpa] = (WilayahLevel.Kabupaten, "UPTD PPA"),
        [Bpbd] = (WilayahLevel.Kabupaten, "BPBD"),
        [Dinsos] = (WilayahLevel.Kabupaten, "Dinas Sosial"),
    };

    /// <summary>Normalises a code as typed in a spreadsheet (<c>kasi kesra</c> → <c>KASI_KESRA</c>); null when unknown.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = string.Join('_', raw.Trim().ToUpperInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
        return Roles.ContainsKey(code) ? code : null;
    }

    /// <summary>The level of area a role works at (KADES: desa, CAMAT: kecamatan, DPMD: kabupaten).</summary>
    public static WilayahLevel LevelOf(string code) => Roles.TryGetValue(code, out var role) ? role.Level : WilayahLevel.Desa;

    /// <summary>The role as people say it: "Kepala Desa" (or "Lurah" in a kelurahan), "Kasi Kesejahteraan", "Camat".</summary>
    public static string DisplayName(string code, string? kodeWilayah = null)
    {
        if (code == Kades && kodeWilayah is not null && KodeWilayah.IsKelurahan(kodeWilayah))
        {
            return "Lurah";
        }

        return Roles.TryGetValue(code, out var role) ? role.Name : code;
    }
}
