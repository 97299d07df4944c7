using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Posyandu.Conversation;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Texts;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Reminders;

/// <summary>
/// Runs the reminder schedules per time zone. A firing records one run for the (kind, zone, occurrence) with one row per
/// recipient, then writes the messages to the outbox in batches, each recipient's row turning from pending to queued in
/// the same transaction as its outbox message: a run stopped half-way resumes with the rows still pending, and nobody
/// gets the same reminder twice. A firing inside the quiet hours waits for their end.
/// </summary>
public sealed class ReminderRunner(
    IDbContextFactory<PosyanduDb> dbFactory,
    FormCatalog catalog,
    IOptions<ReminderOptions> options,
    IOutboxScheduler outbox,
    TimeProvider time,
    ILogger<ReminderRunner> logger)
{
    /// <summary>A firing this much after its occurrence still runs (a host that was briefly down); older ones are let go.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(15);

    private const int DigestLimit = 20;

    /// <summary>The firing of <paramref name="kind"/> in <paramref name="zone"/>: records the run of its latest occurrence (once) and sends it when due.</summary>
    public async Task FireAsync(ReminderKind kind, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var now = time.GetUtcNow();
        if (ReminderSchedule.Latest(options.Value, kind, zone, now) is not { } occurrence || now - occurrence > CatchUp)
        {
            return;
        }

        var runId = await RecordAsync(kind, zone, occurrence, now, cancellationToken);
        if (runId is { } id)
        {
            await ProcessAsync(id, int.MaxValue, cancellationToken);
        }
    }

    /// <summary>
    /// Sends every run that is due and not done (after the quiet hours, or left half-way by a stopped host); with
    /// <paramref name="catchUp"/> (at start) also fires every schedule whose occurrence passed within <see cref="CatchUp"/>.
    /// </summary>
    public async Task SweepAsync(bool catchUp, CancellationToken cancellationToken)
    {
        if (catchUp)
        {
            foreach (var zone in WilayahTimeZone.All)
            {
                foreach (var kind in Enum.GetValues<ReminderKind>())
                {
                    await FireAsync(kind, zone, cancellationToken);
                }
            }
        }

        var now = time.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.ReminderRuns.Where(r => r.Status != ReminderRunStatus.Done && r.DueAt <= now).OrderBy(r => r.DueAt).Select(r => r.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await ProcessAsync(id, int.MaxValue, cancellationToken);
        }
    }

    /// <summary>Writes up to <paramref name="maxBatches"/> batches of the run's pending recipients to the outbox (all when due).</summary>
    internal async Task ProcessAsync(long runId, int maxBatches, CancellationToken cancellationToken)
    {
        for (var batch = 0; batch < maxBatches; batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (more, chats) = await ProcessBatchAsync(runId, cancellationToken);
            foreach (var chat in chats)
            {
                outbox.DeliverSoon(chat.Channel, chat.Address);
            }

            if (!more)
            {
                return;
            }
        }
    }

    /// <summary>Inserts the run with its recipients; null when this occurrence already has its run.</summary>
    private async Task<long?> RecordAsync(ReminderKind kind, TimeZoneInfo zone, DateTimeOffset occurrence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.ReminderRuns.Where(r => r.Kind == kind && r.Zone == zone.StandardName && r.Occurrence == occurrence)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var dueAt = options.Value.Quiet.Defer(occurrence, zone);
        var run = new ReminderRun
        {
            Kind = kind,
            Zone = zone.StandardName,
            Occurrence = occurrence,
            DueAt = dueAt,
            StartedAt = now,
            Status = dueAt <= now ? ReminderRunStatus.Running : ReminderRunStatus.Waiting,
        };
        foreach (var personId in await AudienceAsync(db, kind, zone, occurrence, cancellationToken))
        {
            run.Recipients.Add(new ReminderRecipient { PersonId = personId, Status = ReminderRecipientStatus.Pending });
        }

        db.ReminderRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker recorded the same firing first: that run is the one.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await again.ReminderRuns.Where(r => r.Kind == kind && r.Zone == zone.StandardName && r.Occurrence == occurrence)
                .Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        }

        logger.LogInformation("Reminder run {Id}: {Kind} {Zone} for {Occurrence:u}, {Count} recipient(s), due {Due:u}",
            run.Id, kind, zone.StandardName, occurrence, run.Recipients.Count, dueAt);
        return run.Id;
    }

    /// <summary>Who a kind is for in a zone: kader of the Posyandu opening the next day, all kader, or officials with open referrals.</summary>
    private static async Task<List<long>> AudienceAsync(PosyanduDb db, ReminderKind kind, TimeZoneInfo zone, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        var candidates = kind switch
        {
            ReminderKind.HariBuka => await HariBukaKaderAsync(db, zone, occurrence, cancellationToken),
            ReminderKind.Monthly => await people.Where(p => p.Peran == Peran.Kader)
                .Select(p => new Candidate(p.Id, p.KodeWilayah)).ToListAsync(cancellationToken),
            _ => await people.Where(p => p.Peran != Peran.Kader
                    && (db.ReferralRecipients.Any(x => x.PersonId == p.Id && x.Kind == RecipientKind.Primary && x.DeclinedAt == null
                            && db.Referrals.Any(r => r.Id == x.ReferralId && r.Status == ReferralStatus.Terkirim))
                        || db.Referrals.Any(r => r.Status == ReferralStatus.Diterima && r.AcknowledgedById == p.Id)))
                .Select(p => new Candidate(p.Id, p.KodeWilayah)).ToListAsync(cancellationToken),
        };
        return [.. candidates.Where(p => WilayahTimeZone.For(p.KodeWilayah) == zone).Select(p => p.Id).Distinct().Order()];
    }

    private static async Task<List<Candidate>> HariBukaKaderAsync(PosyanduDb db, TimeZoneInfo zone, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var day = OpeningDay(occurrence, zone).Day;
        return await db.People.AsNoTracking()
            .Where(p => p.Peran == Peran.Kader && p.PosyanduId != null && p.Posyandu!.HariBuka == day)
            .Select(p => new Candidate(p.Id, p.Posyandu!.DesaKode))
            .ToListAsync(cancellationToken);
    }

    private static DateOnly OpeningDay(DateTimeOffset occurrence, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence, zone).DateTime).AddDays(1);

    /// <summary>One transaction: the next batch of pending recipients queued or skipped; true when more are pending.</summary>
    private async Task<(bool More, IReadOnlyCollection<ChatAddress> Chats)> ProcessBatchAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var run = await db.ReminderRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Status == ReminderRunStatus.Done || run.DueAt > now)
        {
            return (false, []);
        }

        var zone = WilayahTimeZone.Named(run.Zone) ?? WilayahTimeZone.Wib;
        var batchSize = options.Value.BatchSize;
        var batch = await db.ReminderRecipients.Include(r => r.Person)
            .Where(r => r.RunId == runId && r.Status == ReminderRecipientStatus.Pending)
            .OrderBy(r => r.Id).Take(batchSize).ToListAsync(cancellationToken);
        var writer = new OutboxWriter(db, now);
        var local = TimeZoneInfo.ConvertTime(run.Occurrence, zone);
        var chats = await OutboxWriter.BestChatsAsync(db, batch.Select(r => r.PersonId), cancellationToken);
        foreach (var recipient in batch)
        {
            // Claimed row by row: a second worker on the same run finds it no longer pending and leaves it.
            var claimed = await db.ReminderRecipients.Where(r => r.Id == recipient.Id && r.Status == ReminderRecipientStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var (reply, skip) = await MessageAsync(db, run, recipient.Person!, local, now, cancellationToken);
            var chat = chats.TryGetValue(recipient.PersonId, out var found) ? found : (ChatAddress?)null;
            if (skip is null && chat is null)
            {
                skip = "belum ada chat yang terhubung";
            }

            recipient.UpdatedAt = now;
            if (skip is not null)
            {
                recipient.Status = ReminderRecipientStatus.Skipped;
                recipient.Reason = skip;
                continue;
            }

            recipient.Status = ReminderRecipientStatus.Queued;
            recipient.OutboxMessage = writer.ToChat(chat!.Value, recipient.PersonId, OutboxKind.Reminder, reply!);
        }

        await db.SaveChangesAsync(cancellationToken);
        var more = await db.ReminderRecipients.AnyAsync(r => r.RunId == runId && r.Status == ReminderRecipientStatus.Pending, cancellationToken);
        run.Status = more ? ReminderRunStatus.Running : ReminderRunStatus.Done;
        run.FinishedAt = more ? null : now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await LogProgressAsync(run, cancellationToken);
        return (more, writer.Touched);
    }

    /// <summary>The reminder for one person, or why they are skipped.</summary>
    private async Task<(Reply? Reply, string? Skip)> MessageAsync(PosyanduDb db, ReminderRun run, Person person, DateTimeOffset local, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (person.RemindersOptOut)
        {
            return (null, "BERHENTI");
        }

        switch (run.Kind)
        {
            case ReminderKind.HariBuka:
                var posyandu = person.PosyanduId is { } id ? await db.Posyandu.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
                return posyandu is null ? (null, "tidak lagi terdaftar di Posyandu") : (ReminderTexts.HariBuka(posyandu.Nama, DateOnly.FromDateTime(local.DateTime).AddDays(1)), null);

            case ReminderKind.Monthly:
                var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset);
                var reported = await db.Reports.AnyAsync(r => r.ReporterId == person.Id && r.SubmittedAt >= monthStart && r.SubmittedAt <= now, cancellationToken);
                return reported ? (null, "sudah melapor bulan ini") : (ReminderTexts.Monthly(DateOnly.FromDateTime(local.DateTime)), null);

            default:
                var open = await OpenReferrals.ForAsync(db, catalog, person.Id, now, cancellationToken);
                return open.Count == 0 ? (null, "tidak ada laporan terbuka") : (ReminderTexts.Digest(open, DigestLimit), null);
        }
    }

    private async Task LogProgressAsync(ReminderRun run, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var progress = await ReminderRunQueries.ProgressAsync(db, [run.Id], cancellationToken);
        var p = progress.GetValueOrDefault(run.Id) ?? new ReminderProgress(0, 0, 0, 0, 0);
        logger.LogInformation("Reminder run {Id} {Kind} {Zone}: {Sent} sent, {Pending} pending, {Failed} failed, {Skipped} skipped of {Planned}",
            run.Id, run.Kind, run.Zone, p.Sent, p.Pending, p.Failed, p.Skipped, p.Planned);
    }

    private sealed record Candidate(long Id, string KodeWilayah);
}
