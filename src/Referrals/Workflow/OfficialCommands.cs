using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation;
using Posyandu.Conversation.Forms;
using Posyandu.Conversation.Parsing;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Texts;

namespace Posyandu.Referrals.Workflow;

/// <summary>
/// An official's TERIMA, SELESAI, TOLAK, INFO and DAFTAR: only a primary recipient may act, any recipient may ask for
/// INFO; a short number resolves among the official's own referrals. The reporting kader is told of every step, every
/// step is kept on the timeline (who, on which channel), and the deadlines follow the status.
/// </summary>
internal sealed class OfficialCommands(FormCatalog catalog, ReferralEscalator escalator, DeadlinePlanner planner, TimeProvider time, ILogger<OfficialCommands> logger)
{
    /// <summary>DAFTAR shows at most this many referrals, newest deadline last.</summary>
    private const int ListLimit = 20;

    /// <summary>A command typed or pressed in a chat: the answers go back to that chat.</summary>
    public Task HandleAsync(WorkUnit work, Person official, ChatAddress chat, OfficialCommand command, CancellationToken cancellationToken) =>
        HandleAsync(work, official, command, reply => work.Outbox.ToChat(chat, official.Id, OutboxKind.Reply, reply), cancellationToken);

    /// <summary>
    /// A command from any channel (the dashboard's buttons too): the same rules, timeline and notices to the kader; the
    /// answers to the official go to <paramref name="answer"/>.
    /// </summary>
    public async Task HandleAsync(WorkUnit work, Person official, OfficialCommand command, Action<Reply> answer, CancellationToken cancellationToken)
    {
        void Reply(Reply reply) => answer(reply);

        if (command.Action == OfficialAction.Daftar)
        {
            Reply(await ListAsync(work, official, cancellationToken));
            return;
        }

        if (string.IsNullOrWhiteSpace(command.Reference))
        {
            Reply(ReferralTexts.MissingReference(command.Action));
            return;
        }

        var found = await FindAsync(work.Db, official, command, cancellationToken);
        var allowed = command.Action == OfficialAction.Info
            ? found
            : found.Where(r => IsPrimary(r, official)).ToList();

        if (allowed.Count == 0)
        {
            Reply(found.Count > 0 ? ReferralTexts.CopyOnly(found[0].Report!.Number) : ReferralTexts.NotFound(command.Reference));
            return;
        }

        if (allowed.Count > 1 && command.Action != OfficialAction.Info)
        {
            // "TERIMA 42" most likely means the open one when an older 42 is already closed.
            var open = allowed.Where(r => r.Status is ReferralStatus.Terkirim or ReferralStatus.Diterima).ToList();
            allowed = open.Count > 0 ? open : allowed;
        }

        if (allowed.Count > 1)
        {
            var codes = allowed.Select(r => r.Report!.DesaKode).Distinct().ToList();
            var desa = await work.Db.Wilayah.Where(w => codes.Contains(w.Kode)).ToDictionaryAsync(w => w.Kode, w => w.Nama, cancellationToken);
            var matches = allowed
                .OrderByDescending(r => r.Report!.SubmittedAt)
                .Select(r => (r.Report!.Number, catalog.Find(r.Report.Topic)?.Title ?? r.Report.Topic, desa.GetValueOrDefault(r.Report.DesaKode, r.Report.DesaKode), r.Status))
                .ToList();
            Reply(ReferralTexts.Ambiguous(command, matches));
            return;
        }

        var referral = allowed[0];
        switch (command.Action)
        {
            case OfficialAction.Terima:
                await AcceptAsync(work, official, referral, Reply, cancellationToken);
                break;
            case OfficialAction.Selesai:
                await CloseAsync(work, official, referral, command.Note, Reply, cancellationToken);
                break;
            case OfficialAction.Tolak:
                await RejectAsync(work, official, referral, command.Note, Reply, cancellationToken);
                break;
            default:
                await InfoAsync(work, official, referral, Reply, cancellationToken);
                break;
        }

        await work.Db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Referral {Number}: {Action} by person {PersonId}; status {Status}", referral.Report!.Number, command.Action, official.Id, referral.Status);
    }

    private async Task AcceptAsync(WorkUnit work, Person official, Referral referral, Action<Reply> reply, CancellationToken cancellationToken)
    {
        var report = referral.Report!;
        if (IsClosed(referral, out var closed))
        {
            reply(closed(report));
            return;
        }

        if (referral.Status == ReferralStatus.Diterima && referral.AcknowledgedBy is { } by)
        {
            reply(by.Id == official.Id ? ReferralTexts.AlreadyAcceptedBySelf(report.Number) : ReferralTexts.AlreadyAcceptedByOther(report.Number, by));
            return;
        }

        referral.Status = ReferralStatus.Diterima;
        referral.AcknowledgedById = official.Id;
        referral.AcknowledgedBy = official;
        referral.AcknowledgedAt = work.Now;
        Recipient(referral, official).DeclinedAt = null;
        planner.Acknowledged(referral, report, work.Now);
        work.DeadlinesChanged(referral);
        AddEvent(work, referral, ReferralEventKind.Diterima, official, null);

        reply(ReferralTexts.AcceptedToOfficial(report.Number));
        var others = ReferralTexts.AcceptedToOthers(report.Number, official);
        await work.Outbox.ToPeopleAsync(
            [(report.ReporterId, ReferralTexts.AcceptedToKader(report.Number, official)), .. ActivePrimaries(referral).Where(p => p.Id != official.Id).Select(p => (p.Id, others))],
            OutboxKind.Notice, referral.Id, cancellationToken);
    }

    private static async Task CloseAsync(WorkUnit work, Person official, Referral referral, string? note, Action<Reply> reply, CancellationToken cancellationToken)
    {
        var report = referral.Report!;
        if (IsClosed(referral, out var closed))
        {
            reply(closed(report));
            return;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            reply(ReferralTexts.MissingNote(OfficialAction.Selesai, report.Number));
            return;
        }

        note = Limit(note);
        if (referral.AcknowledgedById is null)
        {
            referral.AcknowledgedById = official.Id;
            referral.AcknowledgedBy = official;
            referral.AcknowledgedAt = work.Now;
        }

        referral.Status = ReferralStatus.Selesai;
        referral.ClosedAt = work.Now;
        DeadlinePlanner.Stop(referral);
        AddEvent(work, referral, ReferralEventKind.Selesai, official, note);

        reply(ReferralTexts.ClosedToOfficial(report.Number));
        var others = ReferralTexts.ClosedToOthers(report.Number, official, note);
        await work.Outbox.ToPeopleAsync(
            [(report.ReporterId, ReferralTexts.ClosedToKader(report.Number, official, note)), .. ActivePrimaries(referral).Where(p => p.Id != official.Id).Select(p => (p.Id, others))],
            OutboxKind.Notice, referral.Id, cancellationToken);
    }

    private async Task RejectAsync(WorkUnit work, Person official, Referral referral, string? reason, Action<Reply> reply, CancellationToken cancellationToken)
    {
        var report = referral.Report!;
        if (IsClosed(referral, out var closed))
        {
            reply(closed(report));
            return;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            reply(ReferralTexts.MissingNote(OfficialAction.Tolak, report.Number));
            return;
        }

        reason = Limit(reason);
        Recipient(referral, official).DeclinedAt = work.Now;
        AddEvent(work, referral, ReferralEventKind.Ditolak, official, reason);
        var remaining = ActivePrimaries(referral).ToList();
        if (referral.AcknowledgedById == official.Id)
        {
            // Handed back: the others get a fresh deadline, as if it had just been sent to them.
            referral.Status = ReferralStatus.Terkirim;
            referral.AcknowledgedById = null;
            referral.AcknowledgedBy = null;
            referral.AcknowledgedAt = null;
            planner.Start(referral, report, work.Now);
            work.DeadlinesChanged(referral);
        }

        IReadOnlyList<Person> next = [];
        if (remaining.Count == 0)
        {
            var why = $"{TextFormat.Person(official)} menolak: {reason}";
            next = await escalator.EscalateAsync(work, referral, why, "Laporan diteruskan", ReferralEventKind.Dialihkan, cancellationToken);
            if (next.Count == 0)
            {
                referral.Status = ReferralStatus.Ditolak;
                referral.ClosedAt = work.Now;
                DeadlinePlanner.Stop(referral);
                work.DeadlinesChanged(referral);
            }
        }

        reply(ReferralTexts.RejectedToOfficial(report.Number, next, remaining));
        await work.Outbox.ToPersonAsync(report.ReporterId, OutboxKind.Notice, ReferralTexts.RejectedToKader(report.Number, official, reason, next, remaining), referral.Id, cancellationToken);
    }

    private async Task InfoAsync(WorkUnit work, Person official, Referral referral, Action<Reply> reply, CancellationToken cancellationToken)
    {
        var facts = await ReportFacts.LoadAsync(work.Db, referral.Report!, catalog, cancellationToken);
        var kind = IsPrimary(referral, official) ? RecipientKind.Primary : RecipientKind.Copy;
        reply(ReferralTexts.Alert(facts, kind, referral, heading: "Rincian laporan", withAnswers: true));
        AddEvent(work, referral, ReferralEventKind.Info, official, null);
    }

    /// <summary>DAFTAR: the official's open referrals (still to acknowledge, or acknowledged by them and not closed).</summary>
    private async Task<Reply> ListAsync(WorkUnit work, Person official, CancellationToken cancellationToken) =>
        DeadlineTexts.OpenList(await OpenReferrals.ForAsync(work.Db, catalog, official.Id, time.GetUtcNow(), cancellationToken), ListLimit);

    private static async Task<List<Referral>> FindAsync(PosyanduDb db, Person official, OfficialCommand command, CancellationToken cancellationToken)
    {
        var reference = command.Reference.Trim().TrimStart('#').ToUpperInvariant();
        var query = db.Referrals
            .Include(r => r.Report)
            .Include(r => r.Recipients).ThenInclude(x => x.Person)
            .Include(r => r.AcknowledgedBy)
            .Where(r => r.Recipients.Any(x => x.PersonId == official.Id));

        if (reference.Contains('-', StringComparison.Ordinal))
        {
            query = query.Where(r => r.Report!.Number == reference);
        }
        else if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0)
        {
            var suffix = "-" + sequence.ToString("D4", CultureInfo.InvariantCulture);
            query = query.Where(r => r.Report!.Number.EndsWith(suffix));
        }
        else
        {
            return [];
        }

        return await query.AsSplitQuery().ToListAsync(cancellationToken);
    }

    private static bool IsClosed(Referral referral, out Func<Report, Reply> answer)
    {
        var status = referral.Status;
        var closedAt = referral.ClosedAt;
        answer = report => ReferralTexts.AlreadyClosed(report.Number, status, closedAt, Roster.WilayahTimeZone.For(report.DesaKode));
        return status is ReferralStatus.Selesai or ReferralStatus.Ditolak;
    }

    private static bool IsPrimary(Referral referral, Person person) =>
        referral.Recipients.Any(x => x.PersonId == person.Id && x.Kind == RecipientKind.Primary);

    private static ReferralRecipient Recipient(Referral referral, Person person) =>
        referral.Recipients.First(x => x.PersonId == person.Id);

    private static IEnumerable<Person> ActivePrimaries(Referral referral) =>
        referral.Recipients.Where(x => x.Kind == RecipientKind.Primary && x.DeclinedAt is null && x.Person is not null).Select(x => x.Person!);

    private static void AddEvent(WorkUnit work, Referral referral, ReferralEventKind kind, Person person, string? note) =>
        referral.Events.Add(new ReferralEvent { ReferralId = referral.Id, At = work.Now, Kind = kind, PersonId = person.Id, Channel = work.Channel, Note = note });

    private static string Limit(string text, int max = 1000) => text.Length > max ? text[..max] : text;
}
