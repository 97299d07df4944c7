namespace Posyandu.Referrals.Persistence;

/// <summary>A kader or an official from the roster, recognised by phone number on every channel.</summary>
public sealed class Person
{
    public long Id { get; set; }
    /// <summary><c>KADER</c> or a role code of roster.md (<c>KADES</c>, <c>CAMAT</c>, …).</summary>
    public required string Peran { get; set; }
    public required string Nama { get; set; }
    /// <summary>E.164, unique: the identity across Telegram, WhatsApp and SMS.</summary>
    public required string Phone { get; set; }
    /// <summary>The area the person serves or covers (desa, kecamatan or kabupaten code).</summary>
    public required string KodeWilayah { get; set; }
    public long? PosyanduId { get; set; }
    public PosyanduRecord? Posyandu { get; set; }
    /// <summary>For a kader: the bidang served; null = all.</summary>
    public string? Bidang { get; set; }
    /// <summary>Set by <c>BERHENTI</c>: no reminders (reports and alerts still flow).</summary>
    public bool RemindersOptOut { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
