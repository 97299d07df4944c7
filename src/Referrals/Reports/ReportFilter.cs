namespace Posyandu.Referrals.Reports;

/// <summary>
/// Which reports to list: bidang code, referral status (Terkirim, Diterima, Selesai, Ditolak), desa (code, a kecamatan
/// or kabupaten code for all its desa, or the desa's name), submitted since; a 1-based page of at most 100.
/// Unknown values match nothing rather than everything.
/// </summary>
public sealed record ReportFilter(string? Bidang = null, string? Status = null, string? Desa = null, DateTimeOffset? Since = null, int Page = 1, int PageSize = ReportFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
