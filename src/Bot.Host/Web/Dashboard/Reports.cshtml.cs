using Microsoft.AspNetCore.Http.Extensions;
using Posyandu.Referrals.Dashboard;
using Posyandu.Referrals.Reports;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>The report list: filters in the query string (so a filtered list can be bookmarked or shared), sorted and paged.</summary>
public sealed class ReportsModel(DashboardReports reports) : DashboardPageModel
{
    public DashboardFilter Filter { get; private set; } = new();

    public DashboardReportPage? Result { get; private set; }

    public IReadOnlyList<AreaView> Desa { get; private set; } = [];

    public async Task OnGetAsync(string? bidang, string? status, string? desa, string? urgensi, string? bulan, string? nomor, string? urut, string? hal)
    {
        var page = int.TryParse(hal, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var sort = DashboardSort.All.Contains(urut ?? "") ? urut : DashboardSort.Newest;
        Filter = new DashboardFilter(Blank(bidang), Blank(status), Blank(desa), Blank(urgensi), Blank(bulan), Blank(nomor), sort, page);
        Desa = await reports.DesaAsync(Viewer, HttpContext.RequestAborted);
        Result = await reports.ListAsync(Viewer, Filter, HttpContext.RequestAborted);
    }

    /// <summary>This list's address with another page number.</summary>
    public string PageLink(int page)
    {
        var query = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(key, value);
            }
        }

        Add("bidang", Filter.Bidang);
        Add("status", Filter.Status);
        Add("desa", Filter.Desa);
        Add("urgensi", Filter.Urgency);
        Add("bulan", Filter.Month);
        Add("nomor", Filter.Number);
        Add("urut", Filter.Sort);
        query.Add("hal", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/dashboard/laporan" + query.ToQueryString();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
