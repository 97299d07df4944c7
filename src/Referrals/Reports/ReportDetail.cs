using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Forms;

namespace Posyandu.Referrals.Reports;

/// <summary>Everything about one report: the answers as the kader confirmed them, the assessment, where, who, and its referral.</summary>
public sealed record ReportDetail(
    string Number,
    string Topic,
    string Title,
    string Bidang,
    string BidangNama,
    string Urgency,
    DateTimeOffset SubmittedAt,
    string Channel,
    AreaView Desa,
    string? Posyandu,
    ReporterView? Reporter,
    bool ReporterHidden,
    string? Address,
    string? RtRw,
    LocationView? Location,
    IReadOnlyList<string> Photos,
    IReadOnlyList<AnswerLine> Answers,
    IReadOnlyList<DerivedValue> Values,
    IReadOnlyList<DerivedFlag> Flags,
    ReferralView? Referral);

/// <summary>An area by code and name.</summary>
public sealed record AreaView(string Kode, string Nama);

/// <summary>Who reported (absent when the form hides the reporter); the phone is masked.</summary>
public sealed record ReporterView(string Nama, string Peran, string Phone);

/// <summary>A shared location pin with a link to open it on a map.</summary>
public sealed record LocationView(double Latitude, double Longitude, string MapLink);

/// <summary>The referral of a report: status, deadline, who acknowledged, who received it, and the timeline.</summary>
public sealed record ReferralView(
    string Status,
    DateTimeOffset AckDeadline,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<RecipientView> Recipients,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// A recipient of a referral: primary or copy, why (when routing fell back), whether they declined, and how the alert to
/// them is doing (absent when none was written).
/// </summary>
public sealed record RecipientView(string Nama, string Peran, string PeranNama, string Kind, string? Reason, DateTimeOffset? DeclinedAt, AlertDelivery? Alert);

/// <summary>The delivery of the alert to one recipient: its outbox status and, while it waits or after it failed, why.</summary>
public sealed record AlertDelivery(string Status, string? Reason);

/// <summary>One step of the referral's timeline; <see cref="Channel"/> is where the official acted (<c>telegram</c>, <c>web</c>).</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? Person, string? Note, string? Channel = null);
