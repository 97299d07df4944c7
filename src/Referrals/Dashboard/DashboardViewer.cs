using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Dashboard;

/// <summary>
/// The official looking at the dashboard, read from the roster on every request: their area (a desa, a kecamatan for CAMAT
/// and PUSKESMAS, a kabupaten for DPMD, BPBD, DINSOS and UPTD_PPA) bounds everything they see and do.
/// </summary>
public sealed record DashboardViewer(long PersonId, string Nama, string Peran, string Area, string AreaNama, WilayahLevel Level)
{
    /// <summary>"Kepala Desa", "Camat", …</summary>
    public string PeranNama => Roster.Peran.DisplayName(Peran, Area);

    /// <summary>The area's time zone: months and times on the dashboard are the area's own.</summary>
    public TimeZoneInfo Zone => WilayahTimeZone.For(Area);

    /// <summary>The DPMD keeps the roster of its kabupaten, so only the DPMD may upload it here.</summary>
    public bool MayImportRoster => Peran == Roster.Peran.Dpmd;

    /// <summary>Whether the viewer's area is or contains <paramref name="kode"/>.</summary>
    public bool Covers(string kode) => KodeWilayah.Covers(Area, kode);
}
