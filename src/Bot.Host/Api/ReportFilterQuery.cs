using System.ComponentModel;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;

namespace Posyandu.Bot.Host.Api;

/// <summary>The filters <c>/api/reports</c> and <c>/api/reports.csv</c> share; a value that cannot be read is a 400 naming the parameter.</summary>
internal sealed record ReportFilterQuery(
    [Description("Kode bidang: KS, PD, PU, PR, TR atau SO (huruf besar atau kecil).")] BidangCode? Bidang,
    [Description("Status rujukan: TERKIRIM, DITERIMA, SELESAI atau DITOLAK (huruf besar atau kecil).")] Choice<ReferralStatus>? Status,
    [Description("Desa: kode wilayah (kode kecamatan atau kabupaten untuk semua desanya) atau nama desa.")] string? Desa,
    [Description("Dikirim sejak: tanggal (2025-11-01, tengah malam UTC) atau waktu ISO 8601 (2025-11-01T08:00:00+08:00; tanpa zona berarti UTC).")] DateOrTime? Since)
{
    public ReportFilter ToFilter(int page = 1, int pageSize = ReportFilter.DefaultPageSize) =>
        new(Bidang?.Code, Status?.Value.ToString(), string.IsNullOrWhiteSpace(Desa) ? null : Desa.Trim(), Since?.Value, page, pageSize);
}
