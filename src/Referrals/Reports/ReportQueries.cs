using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Reports;

/// <summary>Reads reports for the JSON API: a filtered, paged list or export (confidential ones left out) and one report in full.</summary>
public sealed class ReportQueries(IDbContextFactory<PosyanduDb> dbFactory, FormCatalog catalog)
{
    public async Task<ReportPage> ListAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var size = filter.PageSize <= 0 ? ReportFilter.DefaultPageSize : Math.Min(filter.PageSize, ReportFilter.MaxPageSize);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        if (query is null)
        {
            return new ReportPage([], page, size, 0);
        }

        var total = await query.CountAsync(cancellationToken);
        // Counted in 64 bits: a page far beyond the last is an empty page, never an overflow that wraps to page 1.
        var skip = (long)(page - 1) * size;
        if (skip >= total)
        {
            return new ReportPage([], page, size, total);
        }

        var rows = await query
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Skip((int)skip).Take(size)
            .Select(r => new
            {
                r.Number,
                r.Topic,
                r.Bidang,
                r.DesaKode,
                Desa = db.Wilayah.Where(w => w.Kode == r.DesaKode).Select(w => w.Nama).FirstOrDefault(),
                r.SubmittedAt,
                r.Urgency,
                Status = r.Referral == null ? (ReferralStatus?)null : r.Referral.Status,
                Reporter = r.HideReporter ? null : r.Reporter!.Nama,
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new ReportListItem(
            r.Number, r.Topic, TitleOf(r.Topic), r.Bidang, r.DesaKode, r.Desa ?? r.DesaKode, r.SubmittedAt,
            r.Urgency, r.Status, r.Reporter)).ToList();
        return new ReportPage(items, page, size, total);
    }

    /// <summary>Every report the filter matches (paging ignored), newest first, one row each for a spreadsheet.</summary>
    public async IAsyncEnumerable<ReportExportRow> ExportAsync(ReportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        if (query is null)
        {
            yield break;
        }

        var rows = query
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Number,
                r.Topic,
                r.Bidang,
                r.DesaKode,
                Desa = db.Wilayah.Where(w => w.Kode == r.DesaKode).Select(w => w.Nama).FirstOrDefault(),
                Posyandu = r.Posyandu == null ? null : r.Posyandu.Nama,
                r.SubmittedAt,
                r.Urgency,
                Status = r.Referral == null ? (ReferralStatus?)null : r.Referral.Status,
                r.Channel,
                r.HideReporter,
                ReporterName = r.Reporter!.Nama,
                ReporterPhone = r.Reporter.Phone,
                r.AssessmentJson,
            })
            .AsAsyncEnumerable();

        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            var zone = WilayahTimeZone.For(r.DesaKode);
            yield return new ReportExportRow(
                r.Number, r.Topic, TitleOf(r.Topic), r.Bidang, r.DesaKode, r.Desa ?? r.DesaKode, r.Posyandu,
                r.SubmittedAt, TimeZoneInfo.ConvertTime(r.SubmittedAt, zone).DateTime, zone.StandardName,
                r.Urgency, r.Status, r.Channel,
                r.HideReporter ? null : r.ReporterName,
                r.HideReporter || r.ReporterPhone is null ? null : Conversation.Parsing.PhoneNumbers.Mask(r.ReporterPhone),
                r.HideReporter,
                ReportJson.Assessment(r.AssessmentJson).Flags.Select(f => f.Code).ToList());
        }
    }

    /// <summary>The reports the filter matches (confidential ones never), or null when a filter value matches nothing.</summary>
    private static async Task<IQueryable<Report>?> FilterAsync(PosyanduDb db, ReportFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Reports.AsNoTracking().Where(r => !r.Confidential);

        if (!string.IsNullOrWhiteSpace(filter.Bidang))
        {
            var bidang = Conversation.Forms.Bidang.Find(filter.Bidang.Trim())?.Code;
            if (bidang is null)
            {
                return null;
            }

            query = query.Where(r => r.Bidang == bidang);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            if (!Enum.TryParse<ReferralStatus>(filter.Status.Trim(), ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return null;
            }

            query = query.Where(r => r.Referral != null && r.Referral.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Desa))
        {
            var desa = filter.Desa.Trim();
            if (KodeWilayah.TryParse(desa, out var kode, out _, out _))
            {
                var under = kode + ".";
                query = query.Where(r => r.DesaKode == kode || r.DesaKode.StartsWith(under));
            }
            else
            {
                // Compared upper-cased in the database (upper() on both providers; desa names are written in Latin letters),
                // so a filter by name does not read the country's 80,000 desa into memory.
                var name = desa.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(), never run in .NET: no culture is involved.
                var codes = await db.Wilayah.AsNoTracking().Where(w => w.Nama.ToUpper() == name).Select(w => w.Kode).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
                if (codes.Count == 0)
                {
                    return null;
                }

                query = query.Where(r => codes.Contains(r.DesaKode));
            }
        }

        if (filter.Since is { } since)
        {
            query = query.Where(r => r.SubmittedAt >= since);
        }

        return query;
    }

    /// <summary>One report by its number (case-insensitive), or null.</summary>
    public async Task<ReportDetail?> GetAsync(string number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var wanted = number.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.AsNoTracking().AsSplitQuery()
            .Include(r => r.Reporter)
            .Include(r => r.Posyandu)
            .Include(r => r.Referral).ThenInclude(f => f!.Recipients).ThenInclude(x => x.Person)
            .Include(r => r.Referral).ThenInclude(f => f!.Events).ThenInclude(e => e.Person)
            .Include(r => r.Referral).ThenInclude(f => f!.AcknowledgedBy)
            .FirstOrDefaultAsync(r => r.Number == wanted, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var desaNama = await db.Wilayah.Where(w => w.Kode == report.DesaKode).Select(w => w.Nama).FirstOrDefaultAsync(cancellationToken);
        var assessment = ReportJson.Assessment(report.AssessmentJson);
        var reporter = report.HideReporter || report.Reporter is null
            ? null
            : new ReporterView(report.Reporter.Nama, report.Reporter.Peran, Conversation.Parsing.PhoneNumbers.Mask(report.Reporter.Phone));
        var location = report is { Latitude: { } lat, Longitude: { } lon }
            ? new LocationView(lat, lon, new GeoPoint(lat, lon).MapLink)
            : null;

        return new ReportDetail(
            report.Number,
            report.Topic,
            TitleOf(report.Topic),
            report.Bidang,
            Conversation.Forms.Bidang.Find(report.Bidang)?.Name ?? report.Bidang,
            report.Urgency,
            report.SubmittedAt,
            report.Channel,
            new AreaView(report.DesaKode, desaNama ?? report.DesaKode),
            report.Posyandu?.Nama,
            reporter,
            report.HideReporter,
            report.Address,
            report.RtRw,
            location,
            ReportJson.Photos(report.PhotosJson),
            ReportJson.Lines(report.LinesJson),
            assessment.Values,
            assessment.Flags,
            report.Referral is null ? null : ReferralOf(report.Referral, await AlertsAsync(db, report.Referral.Id, cancellationToken)));
    }

    /// <summary>The latest alert written to each recipient of the referral, by person.</summary>
    private static async Task<Dictionary<long, AlertDelivery>> AlertsAsync(PosyanduDb db, long referralId, CancellationToken cancellationToken)
    {
        var rows = await db.Outbox.AsNoTracking()
            .Where(o => o.ReferralId == referralId && o.Kind == OutboxKind.Alert && o.PersonId != null)
            .OrderBy(o => o.Id)
            .Select(o => new { PersonId = o.PersonId!.Value, o.Status, o.LastError })
            .ToListAsync(cancellationToken);
        var alerts = new Dictionary<long, AlertDelivery>();
        foreach (var row in rows)
        {
            alerts[row.PersonId] = new AlertDelivery(row.Status, row.Status == OutboxStatus.Sent ? null : row.LastError);
        }

        return alerts;
    }

    private static ReferralView ReferralOf(Referral referral, Dictionary<long, AlertDelivery> alerts) => new(
        referral.Status,
        referral.AckDeadline,
        referral.AcknowledgedBy?.Nama,
        referral.AcknowledgedAt,
        referral.ClosedAt,
        referral.EscalationLevel,
        DeadlinePlanner.NextDue(referral),
        referral.Recipients.OrderBy(r => r.Kind).ThenBy(r => r.Id)
            .Select(r => new RecipientView(r.Person!.Nama, r.Person.Peran, Peran.DisplayName(r.Person.Peran, r.Person.KodeWilayah), r.Kind, r.Reason, r.DeclinedAt,
                alerts.GetValueOrDefault(r.PersonId)))
            .ToList(),
        referral.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.At, e.Kind, e.Person?.Nama, e.Person?.Peran, e.Channel, e.Note))
            .ToList());

    private string TitleOf(string topic) => catalog.Find(topic)?.Title ?? topic;
}
