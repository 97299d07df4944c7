using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Routing;

namespace Posyandu.Referrals.Dashboard;

/// <summary>The roster page's routing gaps: those of the viewer's area, in words an official reads.</summary>
public sealed class DashboardRoutingGaps(RoutingGaps gaps, Conversation.Forms.FormCatalog catalog) : IRoutingGapSource
{
    public async Task<IReadOnlyList<RoutingGapView>> ListAsync(DashboardViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var found = await gaps.ListAsync(viewer.Area, cancellationToken);
        return [.. found.Select(g => new RoutingGapView(
            g.DesaNama,
            catalog.Find(g.Gap.Topic)?.Title ?? g.Gap.Topic,
            Peran.DisplayName(g.Gap.Role, g.Gap.DesaKode),
            g.Gap.FallsBackTo.Count == 0
                ? g.Gap.Kind == Persistence.RecipientKind.Copy ? "tidak dikirim" : "tidak ada penerima"
                : string.Join(", ", g.Gap.FallsBackTo.Select(role => Peran.DisplayName(role, g.Gap.DesaKode)))))];
    }
}
