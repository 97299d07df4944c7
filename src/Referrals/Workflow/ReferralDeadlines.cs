using Posyandu.Conversation;

namespace Posyandu.Referrals.Workflow;

/// <summary>How long officials have to acknowledge a referral, by urgency (roster.md).</summary>
public static class ReferralDeadlines
{
    public static TimeSpan AckWithin(Urgency urgency) => urgency switch
    {
        Urgency.Darurat => TimeSpan.FromMinutes(30),
        Urgency.Segera => TimeSpan.FromHours(24),
        _ => TimeSpan.FromHours(48),
    };
}
