using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Dashboard;

/// <summary>
/// Which reports a viewer may see, as a query: the non-confidential ones of their area, and any routed to them. A
/// confidential report is seen only by its recipients, and in full only by its primary ones (<see cref="FullyVisible"/>).
/// </summary>
internal static class ReportScope
{
    public static IQueryable<Report> VisibleReports(this PosyanduDb db, DashboardViewer viewer)
    {
        var area = viewer.Area;
        var under = area + ".";
        var me = viewer.PersonId;
        // The reports routed to the viewer as one set, read once, rather than a look into the recipients for every report.
        var routedToMe = db.ReferralRecipients.Where(x => x.PersonId == me).Join(db.Referrals, x => x.ReferralId, f => f.Id, (_, f) => f.ReportId);
        return db.Reports.AsNoTracking().Where(r =>
            (!r.Confidential && (r.DesaKode == area || r.DesaKode.StartsWith(under)))
            || routedToMe.Contains(r.Id));
    }

    /// <summary>Whether the viewer sees everything of a visible report: any non-confidential one, a confidential one as its primary recipient.</summary>
    public static bool FullyVisible(Report report, long personId) =>
        !report.Confidential
        || (report.Referral?.Recipients.Any(x => x.PersonId == personId && x.Kind == RecipientKind.Primary) ?? false);
}
