using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Routing;
using Posyandu.Referrals.Texts;

namespace Posyandu.Referrals.Workflow;

/// <summary>
/// Sends a referral one level up the routing table (after every primary declined, or the deadline passed): the next
/// level's officials become primaries with a fresh deadline and get the alert with the reason.
/// </summary>
internal sealed class ReferralEscalator(FormCatalog catalog, DeadlinePlanner planner)
{
    /// <summary>The new primaries; empty at the end of the chain (the referral is then left as it was).</summary>
    public async Task<IReadOnlyList<Person>> EscalateAsync(
        WorkUnit work, Referral referral, string reason, string heading, ReferralEventKind kind, CancellationToken cancellationToken)
    {
        var report = referral.Report!;
        reason = reason.Length > 300 ? reason[..300] : reason;
        var already = referral.Recipients.Select(r => r.PersonId).ToHashSet();
        var rule = await RoutingTable.RuleForAsync(work.Db, report.DesaKode, report.Topic, report.Confidential, cancellationToken);
        var next = await ReferralRouter.EscalateAsync(work.Db, report.DesaKode, rule, already, reason, cancellationToken);
        if (next.Count == 0)
        {
            return [];
        }

        referral.Status = ReferralStatus.Terkirim;
        referral.EscalationLevel++;
        planner.Start(referral, report, work.Now);
        work.DeadlinesChanged(referral);
        foreach (var recipient in next)
        {
            referral.Recipients.Add(new ReferralRecipient { PersonId = recipient.Person.Id, Person = recipient.Person, Kind = RecipientKind.Primary, Reason = recipient.Reason, AddedAt = work.Now });
            referral.Events.Add(new ReferralEvent { ReferralId = referral.Id, At = work.Now, Kind = kind, PersonId = recipient.Person.Id, Note = recipient.Reason });
        }

        await work.Db.SaveChangesAsync(cancellationToken);
        var facts = await ReportFacts.LoadAsync(work.Db, report, catalog, cancellationToken);
        var alert = ReferralTexts.Alert(facts, RecipientKind.Primary, referral, heading: heading, reason: reason);
        await work.Outbox.ToPeopleAsync(next.Select(r => (r.Person.Id, alert)).ToList(), OutboxKind.Alert, referral.Id, cancellationToken);

        return next.Select(r => r.Person).ToList();
    }
}
