using Posyandu.Referrals.Reports;

namespace Posyandu.Referrals.Dashboard;

/// <summary>One page of the dashboard's report list.</summary>
public sealed record DashboardReportPage(IReadOnlyList<DashboardReportRow> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// A row of the report list. <see cref="Sealed"/>: a confidential report the viewer got as a copy, shown as the chat copy
/// shows it (number, desa, urgency; no topic, no status).
/// </summary>
public sealed record DashboardReportRow(
    string Number,
    string Title,
    string Bidang,
    string Desa,
    DateTimeOffset SubmittedAt,
    string Urgency,
    string? Status,
    bool Overdue,
    bool Sealed);

/// <summary>
/// A report as the viewer may see it: <see cref="Detail"/> in full, or only <see cref="Sealed"/> (a confidential report's
/// copy); <see cref="MayAct"/> when the viewer is one of its primary recipients who has not declined it.
/// </summary>
public sealed record DashboardReport(ReportDetail? Detail, SealedReport? Sealed, bool MayAct)
{
    public string Number => Detail?.Number ?? Sealed!.Number;
}

/// <summary>What the copy of a confidential report says: that it exists in the desa, its number, urgency and who handles it.</summary>
public sealed record SealedReport(string Number, string Desa, string Urgency, DateTimeOffset SubmittedAt, string Handlers);
