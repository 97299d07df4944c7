using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Routing;
using Posyandu.Referrals.Texts;

namespace Posyandu.Referrals.Workflow;

/// <summary>What an alert says about a report, gathered once from the stored report.</summary>
internal sealed record ReportFacts(
    string Number,
    string Title,
    string BidangNama,
    string Desa,
    string? Reporter,
    string? Address,
    string? RtRw,
    GeoPoint? Location,
    IReadOnlyList<AnswerLine> Lines,
    Assessment Assessment,
    Urgency Urgency,
    string? FirstPhoto,
    TimeZoneInfo Zone,
    bool Confidential = false,
    string? Handlers = null)
{
    // Shown in the alert's own lines (address, RT/RW, map, photo) rather than among the answers.
    private static readonly FieldType[] ShownApart = [FieldType.Photo, FieldType.Location, FieldType.RtRw];

    public static async Task<ReportFacts> LoadAsync(PosyanduDb db, Report report, FormCatalog catalog, CancellationToken cancellationToken)
    {
        var form = catalog.Find(report.Topic);
        var reporter = report.Reporter ?? await db.People.FindAsync([report.ReporterId], cancellationToken);
        var posyandu = report.PosyanduId is { } id ? (await db.Posyandu.FindAsync([id], cancellationToken))?.Nama : null;
        var desa = await db.Wilayah.Where(w => w.Kode == report.DesaKode).Select(w => w.Nama).FirstOrDefaultAsync(cancellationToken);

        string? reporterText = null;
        if (!report.HideReporter && reporter is not null)
        {
            reporterText = posyandu is null ? TextFormat.Person(reporter) : $"{reporter.Nama} ({Peran.DisplayName(reporter.Peran)}, {posyandu})";
        }

        var lines = ReportJson.Lines(report.LinesJson)
            .Where(l => l.Field != "alamat" && (form?.Field(l.Field) is not { } field || !ShownApart.Contains(field.Type)))
            .ToList();

        return new ReportFacts(
            report.Number,
            form?.Title ?? report.Topic,
            Bidang.Find(report.Bidang)?.Name ?? report.Bidang,
            desa ?? report.DesaKode,
            reporterText,
            report.Address,
            report.RtRw,
            report is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null,
            lines,
            ReportJson.Assessment(report.AssessmentJson),
            report.Urgency,
            ReportJson.Photos(report.PhotosJson) is [var first, ..] ? first : null,
            WilayahTimeZone.For(report.DesaKode),
            report.Confidential,
            // Who handles a confidential report, as its copy recipients are told (they see nothing else of it).
            report.Confidential ? await RoutingTable.HandlersOfAsync(db, report, cancellationToken) : null);
    }
}
