using Posyandu.Conversation;

namespace Posyandu.Referrals.Persistence;

/// <summary>A confirmed form: what a kader reported, numbered <c>PR-2511-0042</c>, with the answers and the derived assessment.</summary>
public sealed class Report
{
    public long Id { get; set; }
    public required string Number { get; set; }
    public required string Topic { get; set; }
    public required string Bidang { get; set; }
    public long ReporterId { get; set; }
    public Person? Reporter { get; set; }
    public required string DesaKode { get; set; }
    public long? PosyanduId { get; set; }
    public PosyanduRecord? Posyandu { get; set; }
    public required string Channel { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public Urgency Urgency { get; set; }
    /// <summary>The parsed answers by field name (JSON of <c>Answer</c>), kept for recaps.</summary>
    public required string AnswersJson { get; set; }
    /// <summary>The summary lines as the kader confirmed them (JSON of <c>AnswerLine</c>).</summary>
    public required string LinesJson { get; set; }
    /// <summary>Derived values and flags (JSON of <c>Assessment</c>).</summary>
    public required string AssessmentJson { get; set; }
    public string? Address { get; set; }
    public string? RtRw { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Media ids of the photos (JSON array).</summary>
    public required string PhotosJson { get; set; }
    public bool Confidential { get; set; }
    /// <summary>Alerts and the dashboard do not show who reported.</summary>
    public bool HideReporter { get; set; }
    public Referral? Referral { get; set; }
}
