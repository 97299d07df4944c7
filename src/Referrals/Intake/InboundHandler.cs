using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Parsing;
using Posyandu.Conversation.Texts;
using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Reminders;
using Posyandu.Referrals.Reports;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Texts;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Intake;

/// <summary>
/// Handles one inbound message in one transaction: dedupe, identity, dialog or official command, report and referral,
/// and every reply and alert written to the outbox. Messages of one chat are handled one at a time, in order.
/// </summary>
public sealed class InboundHandler
{
    private const int Attempts = 3;

    private readonly IDbContextFactory<PosyanduDb> _dbFactory;
    private readonly DialogEngine _engine;
    private readonly ReferralOpener _referrals;
    private readonly OfficialCommands _commands;
    private readonly ChatLocks _locks;
    private readonly IOutboxScheduler _scheduler;
    private readonly IDeadlineScheduler _deadlines;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundHandler> _logger;

    internal InboundHandler(
        IDbContextFactory<PosyanduDb> dbFactory,
        DialogEngine engine,
        ReferralOpener referrals,
        OfficialCommands commands,
        ChatLocks locks,
        IOutboxScheduler scheduler,
        IDeadlineScheduler deadlines,
        TimeProvider time,
        ILogger<InboundHandler> logger)
    {
        _dbFactory = dbFactory;
        _engine = engine;
        _referrals = referrals;
        _commands = commands;
        _locks = locks;
        _scheduler = scheduler;
        _deadlines = deadlines;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether this platform message was already handled (a channel checks before downloading a redelivered photo).</summary>
    public async Task<bool> IsDuplicateAsync(string channel, string platformMessageId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Inbound.AnyAsync(i => i.Channel == channel && i.PlatformMessageId == platformMessageId, cancellationToken);
    }

    /// <summary>
    /// Whether the chat belongs to a roster person whose current question asks for a photo: a channel downloads a photo
    /// only then, so a stranger or a photo nobody asked for costs no download and no disk.
    /// </summary>
    public async Task<bool> AwaitsPhotoAsync(string channel, string address, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.ChannelLinks
            .Where(l => l.Channel == channel && l.Address == address)
            .Join(db.Sessions, l => l.PersonId, s => s.PersonId, (_, s) => s.Json)
            .FirstOrDefaultAsync(cancellationToken);
        return json is not null && _engine.AwaitsPhoto(SessionJson.Deserialize(json));
    }

    /// <summary>
    /// Records a platform message the channel cannot use (a kind the bot does not handle, a payload missing its chat), so
    /// it is on file like every other and a redelivery is a duplicate; nothing is answered.
    /// </summary>
    public async Task<InboundOutcome> RecordUnusedAsync(string channel, string platformMessageId, CancellationToken cancellationToken)
    {
        Require(channel, 20, nameof(channel));
        Require(platformMessageId, 100, nameof(platformMessageId));
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await RecordAsync(db, channel, platformMessageId, _time.GetUtcNow(), cancellationToken) ? InboundOutcome.Handled : InboundOutcome.Duplicate;
    }

    public async Task<InboundOutcome> HandleAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        Validate(envelope);
        // The one place every channel's text enters: nothing stored or forwarded to an official sees it uncleaned.
        envelope = InboundText.Clean(envelope);
        var chat = new ChatAddress(envelope.Channel, envelope.Address);

        Committed committed;
        using (await _locks.AcquireAsync(chat, cancellationToken))
        {
            committed = await HandleWithRetryAsync(envelope, chat, cancellationToken);
        }

        // Only after commit: a worker must never look for messages or deadlines that are not there yet.
        foreach (var target in committed.Chats)
        {
            _scheduler.DeliverSoon(target.Channel, target.Address);
        }

        foreach (var (referralId, dueAt) in committed.Deadlines)
        {
            _deadlines.ScheduleAt(referralId, dueAt);
        }

        return committed.Outcome;
    }

    private async Task<Committed> HandleWithRetryAsync(InboundEnvelope envelope, ChatAddress chat, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await HandleOnceAsync(envelope, chat, cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException && attempt < Attempts)
            {
                // A conflict with a concurrent transaction (another chat numbering a report, a busy database): the whole
                // message is handled again from a clean state; the dialog is pure, so this repeats nothing twice.
                _logger.LogWarning("Inbound {Channel} {MessageId}: database conflict, retrying ({Attempt}): {Error}",
                    chat.Channel, envelope.PlatformMessageId, attempt, ex.GetBaseException().Message);
            }
        }
    }

    private async Task<Committed> HandleOnceAsync(InboundEnvelope envelope, ChatAddress chat, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The in-process lock orders this host's messages; this orders them against the other instances on the database.
        await db.LockChatAsync(chat, cancellationToken);
        var work = new WorkUnit(db, _time.GetUtcNow()) { Channel = envelope.Channel };

        if (!await RecordAsync(db, envelope.Channel, envelope.PlatformMessageId, work.Now, cancellationToken))
        {
            _logger.LogInformation("Inbound {Channel} {MessageId}: duplicate, ignored", chat.Channel, envelope.PlatformMessageId);
            return new Committed(InboundOutcome.Duplicate, [], []);
        }

        var identity = await ChatIdentity.ResolveAsync(work, envelope, chat, _logger, cancellationToken);
        if (identity.Person is { } person)
        {
            if (envelope.Notice is { } notice)
            {
                work.Outbox.ToChat(chat, person.Id, OutboxKind.Reply, Reply.Plain(notice));
            }

            await work.Outbox.ReleaseHeldAsync(chat, cancellationToken);
            var message = identity.Outcome == IdentityOutcome.Known ? MessageOf(envelope) : envelope.Message;
            await ConverseAsync(work, person, chat, message, greet: identity.Outcome == IdentityOutcome.Linked, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Committed(InboundOutcome.Handled, work.Outbox.Touched.ToList(), work.DueDeadlines());
    }

    /// <summary>Inserts the dedupe record; false when this platform message was already recorded.</summary>
    private static async Task<bool> RecordAsync(PosyanduDb db, string channel, string platformMessageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Inbound.AnyAsync(i => i.Channel == channel && i.PlatformMessageId == platformMessageId, cancellationToken))
        {
            return false;
        }

        var record = new InboundRecord { Channel = channel, PlatformMessageId = platformMessageId, ReceivedAt = now };
        db.Inbound.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another process recorded it between the check and the insert (the unique index decides).
            db.Entry(record).State = EntityState.Detached;
            if (await db.Inbound.AnyAsync(i => i.Channel == channel && i.PlatformMessageId == platformMessageId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>
    /// The message for the dialog: what was sent, or, from a known chat, a contact card of someone else read as the
    /// number typed (a phone question); null means greet (a known person shared their own contact again).
    /// </summary>
    private static Inbound? MessageOf(InboundEnvelope envelope) =>
        envelope.Message ?? (envelope.PhoneClaim is { Verified: false } claim ? Inbound.OfText(claim.RawPhone) : null);

    /// <summary>
    /// An official's command, or the dialog. A chat linked by this very message is greeted (welcome and menu, or the offer
    /// to continue a draft), unless the message is an official's command: an official's first WhatsApp or simulator
    /// message may well be <c>TERIMA 42</c>, and it must not be swallowed by the greeting.
    /// </summary>
    private async Task ConverseAsync(WorkUnit work, Person person, ChatAddress chat, Inbound? message, bool greet, CancellationToken cancellationToken)
    {
        // START resumes stopped reminders; otherwise it is the menu word it always was.
        if (message is not null && ReminderCommand.TryParse(message) is { } stop && (stop || person.RemindersOptOut || !ReminderCommand.IsStart(message)))
        {
            SetReminders(work, person, chat, stop);
            return;
        }

        if (message is not null && person.Peran != Peran.Kader && OfficialCommand.TryParse(message) is { } command)
        {
            await _commands.HandleAsync(work, person, chat, command, cancellationToken);
            return;
        }

        var record = await work.Db.Sessions.FindAsync([person.Id], cancellationToken);
        var session = SessionJson.Deserialize(record?.Json);
        var context = new DialogContext(work.Now, WilayahTimeZone.For(person.KodeWilayah), person.Nama, person.Peran == Peran.Kader ? person.Bidang : null,
            ChannelCapabilities.For(chat.Channel));

        DialogResult result;
        try
        {
            result = message is null || greet ? _engine.Welcome(session, context) : _engine.Handle(session, message, context);
        }
#pragma warning disable CA1031 // A dialog bug must not turn into a message the platform redelivers forever; the session is kept as it was.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Dialog failed for person {PersonId} on {Channel}", person.Id, chat.Channel);
            work.Outbox.ToChat(chat, person.Id, OutboxKind.Reply, InboundTexts.Failure());
            return;
        }

        var json = SessionJson.Serialize(result.Session);
        if (record is null)
        {
            work.Db.Sessions.Add(new SessionRecord { PersonId = person.Id, Json = json, UpdatedAt = work.Now });
        }
        else
        {
            record.Json = json;
            record.UpdatedAt = work.Now;
        }

        foreach (var reply in result.Replies)
        {
            work.Outbox.ToChat(chat, person.Id, OutboxKind.Reply, reply);
        }

        if (result.Submitted is { } submitted)
        {
            var report = await ReportWriter.StoreAsync(work, person, submitted, chat.Channel, cancellationToken);
            var referral = await _referrals.OpenAsync(work, report, cancellationToken);
            var forwarded = referral.Recipients.Any(r => r.Kind == RecipientKind.Primary);
            work.Outbox.ToChat(chat, person.Id, OutboxKind.Reply,
                ReportTexts.Submitted(submitted, report.Number, forwarded) with { Confidential = submitted.Form.Confidential });
            _logger.LogInformation("Report {Number} ({Topic}) stored from {Channel}", report.Number, report.Topic, chat.Channel);
            foreach (var error in submitted.Assessment.RuleErrors)
            {
                // The catalog check at start should make this impossible; the assessment has raised the urgency already.
                _logger.LogError("Report {Number}: a catalog rule failed, urgency raised to darurat: {Error}", report.Number, error);
            }
        }
    }

    /// <summary>What a committed message leaves for the worker pool: chats to deliver to and referral deadlines to schedule.</summary>
    private sealed record Committed(InboundOutcome Outcome, IReadOnlyCollection<ChatAddress> Chats, IReadOnlyList<(long ReferralId, DateTimeOffset DueAt)> Deadlines);

    /// <summary>BERHENTI / MULAI: the person's reminder setting, acknowledged; the draft, if any, is left as it was.</summary>
    private void SetReminders(WorkUnit work, Person person, ChatAddress chat, bool stop)
    {
        var changed = person.RemindersOptOut != stop;
        person.RemindersOptOut = stop;
        if (changed)
        {
            person.UpdatedAt = work.Now;
        }

        var reply = stop ? ReminderTexts.Stopped() : changed ? ReminderTexts.Resumed() : ReminderTexts.AlreadyOn();
        work.Outbox.ToChat(chat, person.Id, OutboxKind.Reply, reply);
        _logger.LogInformation("Person {PersonId}: reminders {State} from {Channel}", person.Id, stop ? "stopped" : "resumed", chat.Channel);
    }

    private static void Validate(InboundEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        Require(envelope.Channel, 20, nameof(envelope.Channel));
        Require(envelope.Address, 64, nameof(envelope.Address));
        Require(envelope.PlatformMessageId, 100, nameof(envelope.PlatformMessageId));
    }

    private static void Require(string? value, int max, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            throw new ArgumentException($"{name} must be 1–{max} characters.", name);
        }
    }
}
