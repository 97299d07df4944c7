using Posyandu.Conversation;

namespace Posyandu.Referrals.Deadlines;

/// <summary>
/// The <c>Referrals:Deadlines</c> section: per urgency, when the primaries are reminded and when an unacknowledged referral
/// escalates. The defaults are the district guide's (darurat 15/30 minutes, segera 12/24 hours, biasa 24/48 hours).
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "Referrals:Deadlines";

    public ServiceLevel Darurat { get; set; } = new() { Reminder = TimeSpan.FromMinutes(15), Acknowledge = TimeSpan.FromMinutes(30) };
    public ServiceLevel Segera { get; set; } = new() { Reminder = TimeSpan.FromHours(12), Acknowledge = TimeSpan.FromHours(24) };
    public ServiceLevel Biasa { get; set; } = new() { Reminder = TimeSpan.FromHours(24), Acknowledge = TimeSpan.FromHours(48) };

    /// <summary>An acknowledged referral not closed within this many working days (Monday–Friday) is reminded once.</summary>
    public int FollowUpWorkingDays { get; set; } = 5;

    public ServiceLevel For(Urgency urgency) => urgency switch
    {
        Urgency.Darurat => Darurat,
        Urgency.Segera => Segera,
        _ => Biasa,
    };

    /// <summary>Every level has a positive reminder mark before a positive deadline.</summary>
    public bool IsValid =>
        new[] { Darurat, Segera, Biasa }.All(l => l is not null && l.Reminder > TimeSpan.Zero && l.Acknowledge > l.Reminder)
        && FollowUpWorkingDays is > 0 and <= 60;
}

/// <summary>One urgency's service level: the reminder mark and the deadline to acknowledge, both from the moment it was sent.</summary>
public sealed class ServiceLevel
{
    public TimeSpan Reminder { get; set; }
    public TimeSpan Acknowledge { get; set; }
}
