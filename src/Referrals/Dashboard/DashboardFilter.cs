namespace Posyandu.Referrals.Dashboard;

/// <summary>
/// The report list's filters as the page's query string gives them: bidang code, referral status, desa code, urgency,
/// month (<c>2025-11</c>), a report number or part of it; the sort (<see cref="DashboardSort"/>) and a 1-based page.
/// Unknown values match nothing rather than everything.
/// </summary>
public sealed record DashboardFilter(
    string? Bidang = null,
    string? Status = null,
    string? Desa = null,
    string? Urgency = null,
    string? Month = null,
    string? Number = null,
    string? Sort = null,
    int Page = 1,
    int PageSize = DashboardFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

/// <summary>The orders the report list offers: newest first (default), oldest first, most urgent first, overdue first.</summary>
public static class DashboardSort
{
    public const string Newest = "terbaru";
    public const string Oldest = "terlama";
    public const string Urgent = "urgensi";
    public const string Overdue = "terlambat";

    public static readonly IReadOnlyList<string> All = [Newest, Oldest, Urgent, Overdue];
}
