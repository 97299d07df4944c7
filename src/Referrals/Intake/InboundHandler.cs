using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation;
using Posyandu.Conversation.Dialog;
using Posyandu.Conversation.Parsing;
using Posyandu.Conversation.Texts;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
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
    private readonly TimeProvider _time;
    private readonly ILogger<InboundHandler> _logger;

    internal InboundHandler(
        IDbContextFactory<PosyanduDb> dbFactory,
        DialogEngine engine,
        ReferralOpener referrals,
        OfficialCommands commands,
        ChatLocks locks,
        IOutboxScheduler scheduler,
        TimeProvider time,
        ILogger<InboundHandler> logger)
    {
        _dbFactory = dbFactory;
        _engine = engine;
        _referrals = referrals;
        _commands = commands;
        _locks = locks;
        _scheduler = scheduler;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether this platform message was already handled (a channel checks before downloading a redelivered photo).</summary>
    public async Task<bool> IsDuplicateAsync(string channel, string platformMessageId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Inbound.AnyAsync(i => i.Channel == channel && i.PlatformMessageId == platformMessageId, cancellationToken);
    }

    public async Task<InboundOutcome> HandleAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        Validate(envelope);
        var chat = new ChatAddress(envelope.Channel, envelope.Address);

        InboundOutcome outcome;
        IReadOnlyCollection<ChatAddress> touched;
        using (await _locks.AcquireAsync(chat, cancellationToken))
        {
            (outcome, touched) = await HandleWithRetryAsync(envelope, chat, cancellationToken);
        }

        // Only after commit: a worker must never look for messages that are not there yet.
        foreach (var target in touched)
        {
            _scheduler.DeliverSoon(target.Channel, target.Address);
        }

        return outcome;
    }

    private async Task<(InboundOutcome, IReadOnlyCollection<ChatAddress>)> HandleWithRetryAsync(InboundEnvelope envelope, ChatAddress chat, CancellationToken cancellationToken)
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

    private async Task<(InboundOutcome, IReadOnlyCollection<ChatAddress>)> HandleOnceAsync(InboundEnvelope envelope, ChatAddress chat, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var work = new WorkUnit(db, _time.GetUtcNow());

        if (!await RecordAsync(db, envelope, work.Now, cancellationToken))
        {
            _logger.LogInformation("Inbound {Channel} {MessageId}: duplicate, ignored", chat.Channel, envelope.PlatformMessageId);
            return (InboundOutcome.Duplicate, []);
        }

        var identity = await ChatIdentity.ResolveAsync(work, envelope, chat, _logger, cancellationToken);
        if (identity.Person is { } person)
        {
            await work.Outbox.ReleaseHeldAsync(chat, cancellationToken);
            var message = identity.Outcome == IdentityOutcome.Known ? MessageOf(envelope) : envelope.Message;
            await ConverseAsync(work, person, chat, message, greet: identity.Outcome == IdentityOutcome.Linked, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (InboundOutcome.Handled, work.Outbox.Touched.ToList());
    }

    /// <summary>Inserts the dedupe record; false when this platform message was already recorded.</summary>
    private static async Task<bool> RecordAsync(PosyanduDb db, InboundEnvelope envelope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Inbound.AnyAsync(i => i.Channel == envelope.Channel && i.PlatformMessageId == envelope.PlatformMessageId, cancellationToken))
        {
            return false;
        }

        var record = new InboundRecord { Channel = envelope.Channel, PlatformMessageId = envelope.PlatformMessageId, ReceivedAt = now };
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
            if (await db.Inbound.AnyAsync(i => i.Channel == envelope.Channel && i.PlatformMessageId == envelope.PlatformMessageId, cancellationToken))
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
            await _referrals.OpenAsync(work, report, cancellationToken);
            work.Outbox.ToChat(chat, person.Id, OutboxKind.Reply, ReportTexts.Submitted(submitted, report.Number));
            _logger.LogInformation("Report {Number} ({Topic}) stored from {Channel}", report.Number, report.Topic, chat.Channel);
        }
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
