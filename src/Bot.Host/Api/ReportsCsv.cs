using System.Globalization;
using CsvHelper;
using Posyandu.Referrals.Reports;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// Writes reports as CSV for a spreadsheet: UTF-8 with a BOM (so Excel reads the names right), a header and a fixed column
/// order, enum values in the API's casing, and any cell that a spreadsheet would run as a formula escaped with <c>'</c>.
/// </summary>
internal static class ReportsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The columns, in order; the header names match the JSON properties where there is one.</summary>
    public static readonly IReadOnlyList<(string Header, Func<ReportExportRow, string?> Value)> Columns =
    [
        ("number", r => r.Number),
        ("bidang", r => r.Bidang),
        ("topic", r => r.Topic),
        ("title", r => r.Title),
        ("desaKode", r => r.DesaKode),
        ("desa", r => r.Desa),
        ("posyandu", r => r.Posyandu),
        ("submittedAtLocal", r => r.SubmittedAtLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        ("timeZone", r => r.TimeZone),
        ("submittedAt", r => r.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ("urgency", r => ApiNames.Of(r.Urgency)),
        ("status", r => r.Status is { } status ? ApiNames.Of(status) : null),
        ("channel", r => r.Channel),
        ("reporter", r => r.Reporter),
        ("reporterPhone", r => r.ReporterPhone),
        ("reporterHidden", r => r.ReporterHidden ? "true" : "false"),
        ("flags", r => string.Join(", ", r.Flags)),
    ];

    private static readonly CsvWriterOptions Options = new()
    {
        // Cells starting with = + - @ (or a tab or carriage return) get a leading ' so no spreadsheet runs them.
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static async Task WriteAsync(IAsyncEnumerable<ReportExportRow> rows, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        csv.WriteHeader([.. Columns.Select(c => c.Header)]);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var (_, value) in Columns)
            {
                csv.WriteField(value(row));
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
