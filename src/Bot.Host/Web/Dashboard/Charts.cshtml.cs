using Posyandu.Referrals.Dashboard;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>The charts: reports per bidang per month, and how fast referrals are acknowledged.</summary>
public sealed class ChartsModel(DashboardStatistics statistics) : DashboardPageModel
{
    public IReadOnlyList<MonthCounts> PerMonth { get; private set; } = [];

    public AckTimes? Ack { get; private set; }

    public async Task OnGetAsync()
    {
        PerMonth = await statistics.ReportsPerMonthAsync(Viewer, 6, HttpContext.RequestAborted);
        Ack = await statistics.AckTimesAsync(Viewer, 3, HttpContext.RequestAborted);
    }
}
