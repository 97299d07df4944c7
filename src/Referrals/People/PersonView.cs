namespace Posyandu.Referrals.People;

/// <summary>A roster person as the simulator and administrators list them.</summary>
public sealed record PersonView(long Id, string Nama, string Peran, string Phone, string KodeWilayah, string NamaWilayah, string? Posyandu);
