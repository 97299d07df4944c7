using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Reports;

/// <summary>Reads reports for the dashboard and the JSON API: a filtered, paged list (confidential ones left out) and one report in full.</summary>
public sealed class ReportQueries(IDbContextFactory<PosyanduDb> dbFactory, FormCatalog catalog)
{
    public async Task<ReportPage> ListAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var size = filter.PageSize <= 0 ? ReportFilter.DefaultPageSize : Math.Min(filter.PageSize, ReportFilter.MaxPageSize);
        var empty = new ReportPage([], page, size, 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Reports.AsNoTracking().Where(r => !r.Confidential);

        if (!string.IsNullOrWhiteSpace(filter.Bidang))
        {
            var bidang = Conversation.Forms.Bidang.Find(filter.Bidang.Trim())?.Code;
            if (bidang is null)
            {
                return empty;
            }

            query = query.Where(r => r.Bidang == bidang);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            if (!Enum.TryParse<ReferralStatus>(filter.Status.Trim(), ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return empty;
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
                // Names are compared in memory: case-insensitive matching differs between SQLite and PostgreSQL.
                var areas = await db.Wilayah.AsNoTracking().Select(w => new { w.Kode, w.Nama }).ToListAsync(cancellationToken);
                var codes = areas.Where(w => string.Equals(w.Nama, desa, StringComparison.OrdinalIgnoreCase)).Select(w => w.Kode).ToList();
                if (codes.Count == 0)
                {
                    return empty;
                }

                query = query.Where(r => codes.Contains(r.DesaKode));
            }
        }

        if (filter.Since is { } since)
        {
            query = query.Where(r => r.SubmittedAt >= since);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * size).Take(size)
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
            UrgencyName(r.Urgency), r.Status?.ToString() ?? "", r.Reporter)).ToList();
        return new ReportPage(items, page, size, total);
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
            UrgencyName(report.Urgency),
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
            alerts[row.PersonId] = new AlertDelivery(row.Status.ToString(), row.Status == OutboxStatus.Sent ? null : row.LastError);
        }

        return alerts;
    }

    private static ReferralView ReferralOf(Referral referral, Dictionary<long, AlertDelivery> alerts) => new(
        referral.Status.ToString(),
        referral.AckDeadline,
        referral.AcknowledgedBy?.Nama,
        referral.AcknowledgedAt,
        referral.ClosedAt,
        referral.Recipients.OrderBy(r => r.Kind).ThenBy(r => r.Id)
            .Select(r => new RecipientView(r.Person!.Nama, r.Person.Peran, Peran.DisplayName(r.Person.Peran, r.Person.KodeWilayah), r.Kind.ToString(), r.Reason, r.DeclinedAt,
                alerts.GetValueOrDefault(r.PersonId)))
            .ToList(),
        referral.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.At, e.Kind.ToString(), e.Person?.Nama, e.Note, e.Channel))
            .ToList());

    private string TitleOf(string topic) => catalog.Find(topic)?.Title ?? topic;

    internal static string UrgencyName(Urgency urgency) => urgency.ToString().ToLowerInvariant();
}
