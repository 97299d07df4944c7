using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Roster;

/// <summary>One roster line after validation: every value normalised (E.164 phone, dotted area code, role code).</summary>
internal sealed record RosterRow(
    string Peran,
    string Nama,
    string Phone,
    string KodeWilayah,
    WilayahLevel Level,
    string NamaWilayah,
    string? Posyandu,
    int? HariBuka,
    string? Bidang);
