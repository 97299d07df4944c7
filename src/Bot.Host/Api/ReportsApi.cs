using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Reports;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// The JSON API for other government systems and dashboards: <c>GET /api/reports</c> (filters bidang, status, desa, since;
/// paged), <c>GET /api/reports/{number}</c> and <c>GET /api/media/{id}</c> (a report's photo). Every call needs
/// <c>X-Api-Key</c> (<see cref="ApiKeyFilter"/>).
/// </summary>
internal static class ReportsApi
{
    // Its own options: readable enum names ("Darurat", "Diterima") for other systems, whatever the app-wide JSON settings are.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/reports", ListAsync);
        api.MapGet("/reports/{number}", GetAsync);
        api.MapGet("/media/{id}", Media);
        return app;
    }

    private static async Task<Results<JsonHttpResult<ReportPage>, BadRequest<ApiError>>> ListAsync(
        ReportQueries reports,
        string? bidang,
        string? status,
        string? desa,
        string? since,
        string? page,
        string? pageSize,
        CancellationToken cancellationToken)
    {
        if (!TryParseSince(since, out var sinceValue))
        {
            return TypedResults.BadRequest(new ApiError("Parameter 'since' harus tanggal atau waktu ISO 8601, misalnya 2025-11-01 atau 2025-11-01T08:00:00+08:00"));
        }

        if (!TryParsePositive(page, out var pageValue) || !TryParsePositive(pageSize, out var pageSizeValue))
        {
            return TypedResults.BadRequest(new ApiError("Parameter 'page' dan 'pageSize' harus bilangan bulat positif"));
        }

        var filter = new ReportFilter(
            Bidang: Blank(bidang),
            Status: Blank(status),
            Desa: Blank(desa),
            Since: sinceValue,
            Page: pageValue ?? 1,
            PageSize: Math.Min(pageSizeValue ?? ReportFilter.DefaultPageSize, ReportFilter.MaxPageSize));
        return TypedResults.Json(await reports.ListAsync(filter, cancellationToken), Json);
    }

    private static async Task<Results<JsonHttpResult<ReportDetail>, NotFound<ApiError>>> GetAsync(
        ReportQueries reports, string number, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(number.Trim().ToUpperInvariant(), cancellationToken);
        return report is null
            ? TypedResults.NotFound(new ApiError($"Laporan {number} tidak ditemukan"))
            : TypedResults.Json(report, Json);
    }

    private static Results<PhysicalFileHttpResult, NotFound<ApiError>> Media(MediaStore media, string id)
    {
        string path;
        try
        {
            path = media.PathOf(id);
        }
        catch (ArgumentException)
        {
            return TypedResults.NotFound(new ApiError("Foto tidak ditemukan"));
        }

        if (!File.Exists(path))
        {
            return TypedResults.NotFound(new ApiError("Foto tidak ditemukan"));
        }

        var contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        return TypedResults.PhysicalFile(path, contentType);
    }

    /// <summary>A date (<c>2025-11-01</c>, midnight UTC) or a date and time with or without offset (UTC when none).</summary>
    private static bool TryParseSince(string? text, out DateTimeOffset? since)
    {
        since = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            since = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            since = moment;
            return true;
        }

        return false;
    }

    private static bool TryParsePositive(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>An API error body: one Indonesian sentence.</summary>
internal sealed record ApiError(string Error);
