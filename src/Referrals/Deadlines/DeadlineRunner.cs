using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Texts;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Deadlines;

/// <summary>
/// Keeps the deadlines of one referral: what is due at this moment (the reminder at the mark, the escalation at the
/// deadline, the follow-up after the working days) happens once, in one transaction with its messages, and the next
/// due moment is scheduled. The referral's version guards against two workers doing the same step: the loser retries and
/// finds nothing due. A host that was down runs what fell due meanwhile when it comes back (late, once).
/// </summary>
public sealed class DeadlineRunner
{
    private const int Attempts = 3;

    private readonly IDbContextFactory<PosyanduDb> _dbFactory;
    private readonly FormCatalog _catalog;
    private readonly ReferralEscalator _escalator;
    private readonly IOptions<DeadlineOptions> _options;
    private readonly IOutboxScheduler _outbox;
    private readonly IDeadlineScheduler _deadlines;
    private readonly TimeProvider _time;
    private readonly ILogger<DeadlineRunner> _logger;

    internal DeadlineRunner(
        IDbContextFactory<PosyanduDb> dbFactory,
        FormCatalog catalog,
        ReferralEscalator escalator,
        IOptions<DeadlineOptions> options,
        IOutboxScheduler outbox,
        IDeadlineScheduler deadlines,
        TimeProvider time,
        ILogger<DeadlineRunner> logger)
    {
        _dbFactory = dbFactory;
        _catalog = catalog;
        _escalator = escalator;
        _options = options;
        _outbox = outbox;
        _deadlines = deadlines;
        _time = time;
        _logger = logger;
    }

    /// <summary>Does what is due on the referral now and schedules the next step; returns when that is (null: nothing more).</summary>
    public async Task<DateTimeOffset?> RunAsync(long referralId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (next, chats) = await RunOnceAsync(referralId, cancellationToken);
                foreach (var chat in chats)
                {
                    _outbox.DeliverSoon(chat.Channel, chat.Address);
                }

                if (next is { } due)
                {
                    _deadlines.ScheduleAt(referralId, due);
                }

                return next;
            }
            catch (DbUpdateException ex) when (attempt < Attempts)
            {
                // Another worker (or an official's TERIMA) changed the referral meanwhile: look again from a clean state.
                _logger.LogInformation("Referral {Id}: changed while its deadline ran, looking again ({Attempt}): {Error}", referralId, attempt, ex.GetBaseException().Message);
            }
        }
    }

    /// <summary>
    /// Runs every referral with something already due (catch-up after downtime) and, when <paramref name="scheduleFuture"/>,
    /// schedules every later one (the jobs of a host with in-memory job storage are gone after a restart). Returns how many ran.
    /// </summary>
    public async Task<int> SweepAsync(bool scheduleFuture, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        List<(long Id, DateTimeOffset Due)> pending;
        await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var rows = await db.Referrals
                .Where(r => r.ReminderAt != null || r.EscalateAt != null || r.FollowUpAt != null)
                .Select(r => new { r.Id, r.ReminderAt, r.EscalateAt, r.FollowUpAt })
                .ToListAsync(cancellationToken);
            pending = [.. rows.Select(r => (r.Id, new[] { r.ReminderAt, r.EscalateAt, r.FollowUpAt }.Where(d => d is not null).Min()!.Value))];
        }

        var ran = 0;
        foreach (var (id, due) in pending.OrderBy(p => p.Due))
        {
            if (due <= now)
            {
                await RunAsync(id, cancellationToken);
                ran++;
            }
            else if (scheduleFuture)
            {
                _deadlines.ScheduleAt(id, due);
            }
        }

        if (ran > 0)
        {
            _logger.LogInformation("Deadline sweep: {Count} referral(s) with a step due ran", ran);
        }

        return ran;
    }

    private async Task<(DateTimeOffset? Next, IReadOnlyCollection<ChatAddress> Chats)> RunOnceAsync(long referralId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var work = new WorkUnit(db, _time.GetUtcNow());
        var referral = await db.Referrals
            .Include(r => r.Report)
            .Include(r => r.Recipients).ThenInclude(x => x.Person)
            .Include(r => r.AcknowledgedBy)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return (null, []);
        }

        var now = work.Now;
        if (referral.Status != ReferralStatus.Terkirim)
        {
            referral.ReminderAt = null;
            referral.EscalateAt = null;
        }

        if (referral.Status != ReferralStatus.Diterima)
        {
            referral.FollowUpAt = null;
        }

        if (referral.EscalateAt <= now)
        {
            await EscalateAsync(work, referral, cancellationToken);
        }
        else if (referral.ReminderAt <= now)
        {
            await RemindAsync(work, referral, cancellationToken);
        }

        if (referral.FollowUpAt <= now)
        {
            await FollowUpAsync(work, referral, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (DeadlinePlanner.NextDue(referral), work.Outbox.Touched.ToList());
    }

    private async Task RemindAsync(WorkUnit work, Referral referral, CancellationToken cancellationToken)
    {
        referral.ReminderAt = null;
        var facts = await ReportFacts.LoadAsync(work.Db, referral.Report!, _catalog, cancellationToken);
        var primaries = ActivePrimaries(referral);
        var reminder = DeadlineTexts.Reminder(facts, referral);
        await work.Outbox.ToPeopleAsync(primaries.Select(p => (p.Id, reminder)).ToList(), OutboxKind.Notice, referral.Id, cancellationToken);

        referral.Events.Add(new ReferralEvent
        {
            ReferralId = referral.Id, At = work.Now, Kind = ReferralEventKind.Diingatkan,
            Note = $"Pengingat batas waktu kepada {string.Join(", ", primaries.Select(TextFormat.Person))}",
        });
        _logger.LogInformation("Referral {Number}: reminder to {Count} primary recipient(s)", referral.Report!.Number, primaries.Count);
    }

    private async Task EscalateAsync(WorkUnit work, Referral referral, CancellationToken cancellationToken)
    {
        var report = referral.Report!;
        var deadline = referral.AckDeadline;
        var waitedFor = ActivePrimaries(referral);
        var facts = await ReportFacts.LoadAsync(work.Db, report, _catalog, cancellationToken);
        var reason = DeadlineTexts.EscalationReason(waitedFor, deadline, facts.Zone);
        var next = await _escalator.EscalateAsync(work, referral, reason, "Eskalasi laporan", ReferralEventKind.Dieskalasi, cancellationToken);
        if (next.Count == 0)
        {
            // The end of the chain: it stays open with the officials it has; the daily digest keeps it in their view.
            DeadlinePlanner.Stop(referral);
            referral.Events.Add(new ReferralEvent
            {
                ReferralId = referral.Id, At = work.Now, Kind = ReferralEventKind.Dieskalasi,
                Note = $"Batas waktu terlewati ({reason}); tidak ada tingkat berikutnya di roster.",
            });
            _logger.LogWarning("Referral {Number}: deadline passed at the end of the escalation chain", report.Number);
            return;
        }

        var previous = DeadlineTexts.EscalatedToPrevious(facts, deadline, next);
        await work.Outbox.ToPeopleAsync(
            [.. waitedFor.Select(p => (p.Id, previous)), (report.ReporterId, DeadlineTexts.EscalatedToKader(facts, deadline, next))],
            OutboxKind.Notice, referral.Id, cancellationToken);
        _logger.LogInformation("Referral {Number}: escalated to level {Level} ({Count} official(s))", report.Number, referral.EscalationLevel, next.Count);
    }

    private async Task FollowUpAsync(WorkUnit work, Referral referral, CancellationToken cancellationToken)
    {
        referral.FollowUpAt = null;
        if (referral.AcknowledgedBy is not { } official)
        {
            return;
        }

        var facts = await ReportFacts.LoadAsync(work.Db, referral.Report!, _catalog, cancellationToken);
        var days = _options.Value.FollowUpWorkingDays;
        await work.Outbox.ToPersonAsync(official.Id, OutboxKind.Notice, DeadlineTexts.FollowUp(facts, referral, days), referral.Id, cancellationToken);
        referral.Events.Add(new ReferralEvent
        {
            ReferralId = referral.Id, At = work.Now, Kind = ReferralEventKind.Diingatkan, PersonId = official.Id,
            Note = $"Belum selesai {days} hari kerja setelah diterima",
        });
    }

    private static List<Person> ActivePrimaries(Referral referral) =>
        [.. referral.Recipients.Where(x => x.Kind == RecipientKind.Primary && x.DeclinedAt is null && x.Person is not null).Select(x => x.Person!)];
}
