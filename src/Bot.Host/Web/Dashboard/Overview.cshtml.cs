using Posyandu.Referrals.Dashboard;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>The first page after signing in: this month at a glance, the open referrals, the silent desa.</summary>
public sealed class OverviewModel(DashboardOverview overview) : DashboardPageModel
{
    public OverviewView? Overview { get; private set; }

    public async Task OnGetAsync() => Overview = await overview.GetAsync(Viewer, HttpContext.RequestAborted);
}
