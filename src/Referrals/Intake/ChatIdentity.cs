using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Texts;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Intake;

/// <summary>
/// Who is writing: the person linked to the chat, or a person proving their number (a verified phone claim whose number
/// is in the roster links the chat). Anyone else is answered politely and goes no further.
/// </summary>
internal static class ChatIdentity
{
    public static async Task<Identity> ResolveAsync(WorkUnit work, InboundEnvelope envelope, ChatAddress chat, ILogger logger, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var link = await db.ChannelLinks.Include(l => l.Person)
            .FirstOrDefaultAsync(l => l.Channel == chat.Channel && l.Address == chat.Address, cancellationToken);
        var claim = envelope.PhoneClaim;

        if (claim is { Verified: true })
        {
            var phone = Conversation.Parsing.PhoneNumbers.ToE164(claim.RawPhone);
            var person = phone is null ? null : await db.People.FirstOrDefaultAsync(p => p.Phone == phone, cancellationToken);
            if (person is null)
            {
                if (link is not null)
                {
                    // The chat's owner just proved a number that is not in the roster: it no longer speaks for the linked person.
                    db.ChannelLinks.Remove(link);
                }

                logger.LogInformation("Chat {Channel} {Address}: number {Phone} is not in the roster", chat.Channel, LogMask.Address(chat.Address), Masked(phone));
                if (!claim.EveryMessage || !await WasRefusedAsync(db, chat, cancellationToken))
                {
                    work.Outbox.ToChat(chat, null, OutboxKind.Reply, InboundTexts.NotInRoster(phone));
                }

                return Identity.Refused;
            }

            if (link?.PersonId == person.Id)
            {
                Touch(link, work.Now);
                return new Identity(IdentityOutcome.Known, person);
            }

            if (link is null)
            {
                db.ChannelLinks.Add(new ChannelLink { Channel = chat.Channel, Address = chat.Address, PersonId = person.Id, LinkedAt = work.Now, LastInboundAt = work.Now });
            }
            else
            {
                link.PersonId = person.Id;
                link.Person = person;
                link.LinkedAt = work.Now;
                Touch(link, work.Now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await work.Outbox.ReleaseWaitingAsync(person.Id, chat, cancellationToken);
            logger.LogInformation("Chat {Channel} {Address} linked to person {PersonId} ({Phone})", chat.Channel, LogMask.Address(chat.Address), person.Id, Masked(phone));
            return new Identity(IdentityOutcome.Linked, person);
        }

        if (link?.Person is { } known)
        {
            Touch(link, work.Now);
            return new Identity(IdentityOutcome.Known, known);
        }

        work.Outbox.ToChat(chat, null, OutboxKind.Reply, claim is null ? InboundTexts.AskContact() : InboundTexts.NotOwnNumber());
        return Identity.Refused;
    }

    /// <summary>Whether this chat was already answered as nobody's: the only messages without a person are such refusals.</summary>
    private static Task<bool> WasRefusedAsync(PosyanduDb db, ChatAddress chat, CancellationToken cancellationToken) =>
        db.Outbox.AnyAsync(o => o.Channel == chat.Channel && o.Address == chat.Address && o.PersonId == null, cancellationToken);

    private static void Touch(ChannelLink link, DateTimeOffset now)
    {
        link.LastInboundAt = now;
        link.Unreachable = false; // They wrote to us, so the chat works again (an unblocked bot).
    }

    private static string Masked(string? phone) => phone is null ? "(bukan nomor HP Indonesia)" : Conversation.Parsing.PhoneNumbers.Mask(phone);
}

/// <summary>The outcome of recognising a chat.</summary>
internal sealed record Identity(IdentityOutcome Outcome, Person? Person)
{
    public static readonly Identity Refused = new(IdentityOutcome.Refused, null);
}

/// <summary>Refused: answered and done. Linked: this message linked the chat. Known: an already linked chat.</summary>
internal enum IdentityOutcome { Refused, Linked, Known }
