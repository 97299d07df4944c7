using Microsoft.Extensions.Logging;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Routing;
using Posyandu.Referrals.Texts;

namespace Posyandu.Referrals.Workflow;

/// <summary>Opens the referral of a new report: routes it, sets the deadline, records the timeline and queues one alert per recipient.</summary>
internal sealed class ReferralOpener(FormCatalog catalog, DeadlinePlanner planner, ILogger<ReferralOpener> logger)
{
    public async Task<Referral> OpenAsync(WorkUnit work, Report report, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var rule = await RoutingTable.RuleForAsync(db, report.DesaKode, report.Topic, report.Confidential, cancellationToken);
        var recipients = await ReferralRouter.RouteAsync(db, report.DesaKode, rule, cancellationToken);
        var referral = new Referral
        {
            ReportId = report.Id,
            Status = ReferralStatus.Terkirim,
        };
        planner.Start(referral, report, work.Now);
        referral.Events.Add(new ReferralEvent { At = work.Now, Kind = ReferralEventKind.Dibuat, PersonId = report.ReporterId, Channel = report.Channel, Note = $"Dilaporkan lewat {report.Channel}" });

        foreach (var recipient in recipients)
        {
            referral.Recipients.Add(new ReferralRecipient { PersonId = recipient.Person.Id, Kind = recipient.Kind, Reason = recipient.Reason, AddedAt = work.Now });
            var note = recipient.Kind == RecipientKind.Primary ? "penerima utama" : "tembusan";
            referral.Events.Add(new ReferralEvent
            {
                At = work.Now,
                Kind = ReferralEventKind.Dikirim,
                PersonId = recipient.Person.Id,
                Note = recipient.Reason is null ? note : $"{note}; {recipient.Reason}",
            });
        }

        if (recipients.Count == 0)
        {
            // Nobody in the roster covers this desa: the report is kept and the gap shows on the timeline for the administrator.
            referral.Events.Add(new ReferralEvent { At = work.Now, Kind = ReferralEventKind.TanpaPenerima, Note = "Tidak ada petugas di roster untuk desa ini; roster perlu dilengkapi." });
            DeadlinePlanner.Stop(referral);
            logger.LogWarning("Report {Number}: no recipient in the roster for desa {Desa}", report.Number, report.DesaKode);
        }

        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        work.DeadlinesChanged(referral);

        var facts = await ReportFacts.LoadAsync(db, report, catalog, cancellationToken);
        await work.Outbox.ToPeopleAsync(
            recipients.Select(r => (r.Person.Id, ReferralTexts.Alert(facts, r.Kind, referral))).ToList(), OutboxKind.Alert, referral.Id, cancellationToken);

        return referral;
    }
}
