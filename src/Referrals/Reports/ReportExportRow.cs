using Posyandu.Conversation;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Reports;

/// <summary>A report as one spreadsheet row: where and when (also in the desa's local time), how urgent, its status, who (phone masked), its flags.</summary>
public sealed record ReportExportRow(
    string Number,
    string Topic,
    string Title,
    string Bidang,
    string DesaKode,
    string Desa,
    string? Posyandu,
    DateTimeOffset SubmittedAt,
    DateTime SubmittedAtLocal,
    string TimeZone,
    Urgency Urgency,
    ReferralStatus? Status,
    string Channel,
    string? Reporter,
    string? ReporterPhone,
    bool ReporterHidden,
    IReadOnlyList<string> Flags);
