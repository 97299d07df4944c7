using Microsoft.EntityFrameworkCore;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Texts;

namespace Posyandu.Referrals.Workflow;

/// <summary>An official's open referrals (still to acknowledge, or acknowledged by them and not closed), for DAFTAR and the daily digest.</summary>
internal static class OpenReferrals
{
    public static async Task<List<OpenReferral>> ForAsync(PosyanduDb db, FormCatalog catalog, long officialId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Referrals
            .Where(r => (r.Status == ReferralStatus.Terkirim && r.Recipients.Any(x => x.PersonId == officialId && x.Kind == RecipientKind.Primary && x.DeclinedAt == null))
                        || (r.Status == ReferralStatus.Diterima && r.AcknowledgedById == officialId))
            .Select(r => new { r.Report!.Number, r.Report.Topic, r.Report.DesaKode, r.Report.SubmittedAt, r.Status, r.AckDeadline })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var codes = open.Select(r => r.DesaKode).Distinct().ToList();
        var desa = await db.Wilayah.Where(w => codes.Contains(w.Kode)).ToDictionaryAsync(w => w.Kode, w => w.Nama, cancellationToken);
        return [.. open
            .OrderBy(r => r.Status).ThenBy(r => r.AckDeadline).ThenBy(r => r.Number, StringComparer.Ordinal)
            .Select(r => new OpenReferral(
                r.Number,
                catalog.Find(r.Topic)?.Title ?? r.Topic,
                desa.GetValueOrDefault(r.DesaKode, r.DesaKode),
                now - r.SubmittedAt,
                r.Status == ReferralStatus.Terkirim ? r.AckDeadline : null,
                Roster.WilayahTimeZone.For(r.DesaKode)))];
    }
}
