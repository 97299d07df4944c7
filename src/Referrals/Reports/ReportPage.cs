using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Reports;

/// <summary>One page of reports, newest first, with the total that matched.</summary>
public sealed record ReportPage(IReadOnlyList<ReportListItem> Items, int Page, int PageSize, int Total);

/// <summary>A report in a list: enough to recognise it and see where it stands.</summary>
public sealed record ReportListItem(
    string Number,
    string Topic,
    string Title,
    string Bidang,
    string DesaKode,
    string Desa,
    DateTimeOffset SubmittedAt,
    Urgency Urgency,
    ReferralStatus? Status,
    string? Reporter);
