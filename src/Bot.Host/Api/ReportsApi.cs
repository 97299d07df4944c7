using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// The JSON API for other government systems and dashboards: <c>GET /api/reports</c> (filtered, paged),
/// <c>GET /api/reports.csv</c> (the same filters, for a spreadsheet), <c>GET /api/reports/{number}</c> and
/// <c>GET /api/media/{id}</c> (a report's photo). Every call needs <c>X-Api-Key</c> (<see cref="ApiKeyFilter"/>).
/// </summary>
internal static class ReportsApi
{
    private const string Tag = "Laporan";

    private const string BidangHelp = "Kode bidang: KS, PD, PU, PR, TR atau SO (huruf besar atau kecil).";
    private const string StatusHelp = "Status rujukan: TERKIRIM, DITERIMA, SELESAI atau DITOLAK (huruf besar atau kecil).";
    private const string DesaHelp = "Desa: kode wilayah (kode kecamatan atau kabupaten untuk semua desanya) atau nama desa.";
    private const string SinceHelp = "Dikirim sejak: tanggal (2025-11-01, tengah malam UTC) atau waktu ISO 8601 (2025-11-01T08:00:00+08:00, dengan + ditulis %2B di URL; tanpa zona berarti UTC).";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireApiKey().WithTags(Tag);
        api.MapGet("/reports", ListAsync)
            .WithName("ListReports")
            .WithSummary("Daftar laporan, terbaru dahulu, per halaman")
            .WithDescription("Laporan rahasia tidak pernah ikut. Halaman di luar jumlah laporan adalah halaman kosong.");
        api.MapGet("/reports.csv", Csv)
            .WithName("ExportReportsCsv")
            .WithSummary("Semua laporan yang cocok dengan filter, satu baris per laporan, untuk spreadsheet")
            .WithDescription("UTF-8 dengan BOM (Excel), kolom tetap urutannya; sel yang diawali = + - @ diberi awalan ' agar tidak dibaca sebagai rumus.")
            .Produces(StatusCodes.Status200OK, contentType: ReportsCsv.ContentType);
        api.MapGet("/reports/{number}", GetAsync)
            .WithName("GetReport")
            .WithSummary("Satu laporan lengkap: jawaban, penilaian, foto, lokasi, rujukan dan riwayatnya")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/media/{id}", Media)
            .WithName("GetMedia")
            .WithSummary("Foto sebuah laporan (id dari daftar photos)")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "image/jpeg", "image/png", "image/webp")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    // The filters are plain parameters on both handlers: the OpenAPI generator cannot read descriptions through [AsParameters].
    private static async Task<Ok<ReportPage>> ListAsync(
        ReportQueries reports,
        [Description(BidangHelp)] BidangCode? bidang,
        [Description(StatusHelp)] Choice<ReferralStatus>? status,
        [Description(DesaHelp)] string? desa,
        [Description(SinceHelp)] DateOrTime? since,
        [Description("Nomor halaman, mulai 1.")][Range(1, int.MaxValue, ErrorMessage = "Parameter 'page' harus bilangan bulat 1 atau lebih.")] int? page,
        [Description("Laporan per halaman, 1 sampai 100 (bawaan 20).")][Range(1, ReportFilter.MaxPageSize, ErrorMessage = "Parameter 'pageSize' harus bilangan bulat 1 sampai 100.")] int? pageSize,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.ListAsync(Filter(bidang, status, desa, since, page ?? 1, pageSize ?? ReportFilter.DefaultPageSize), cancellationToken));

    private static PushStreamHttpResult Csv(
        ReportQueries reports,
        [Description(BidangHelp)] BidangCode? bidang,
        [Description(StatusHelp)] Choice<ReferralStatus>? status,
        [Description(DesaHelp)] string? desa,
        [Description(SinceHelp)] DateOrTime? since,
        CancellationToken cancellationToken) =>
        TypedResults.Stream(
            stream => ReportsCsv.WriteAsync(reports.ExportAsync(Filter(bidang, status, desa, since), cancellationToken), stream, cancellationToken),
            ReportsCsv.ContentType,
            "laporan.csv");

    private static ReportFilter Filter(BidangCode? bidang, Choice<ReferralStatus>? status, string? desa, DateOrTime? since, int page = 1, int pageSize = ReportFilter.DefaultPageSize) =>
        new(bidang?.Code, status?.Value.ToString(), string.IsNullOrWhiteSpace(desa) ? null : desa.Trim(), since?.Value, page, pageSize);

    private static async Task<Results<Ok<ReportDetail>, ProblemHttpResult>> GetAsync(
        ReportQueries reports,
        [Description("Nomor laporan, misalnya PR-2511-0001 (huruf besar atau kecil).")] string number,
        CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(number, cancellationToken);
        return report is null
            ? NotFound($"Laporan {number.Trim()} tidak ditemukan.")
            : TypedResults.Ok(report);
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Media(
        MediaStore media,
        [Description("Id foto dari daftar photos sebuah laporan.")] string id)
    {
        string path;
        try
        {
            path = media.PathOf(id);
        }
        catch (ArgumentException)
        {
            return NotFound("Foto tidak ditemukan.");
        }

        if (!File.Exists(path))
        {
            return NotFound("Foto tidak ditemukan.");
        }

        var contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        return TypedResults.PhysicalFile(path, contentType);
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);
}
