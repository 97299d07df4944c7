using System.Collections.Concurrent;
using Posyandu.Conversation;
using Posyandu.Referrals.Intake;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.People;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>
/// Turns what a tester does on the page into inbound messages from the chosen roster person, through the same
/// <see cref="InboundHandler"/> as the real channels. The tester acting as that person counts as a verified identity, so
/// every envelope carries the person's own number as a verified phone claim; the chat is the person's phone number.
/// </summary>
internal sealed class SimulatorChats(PeopleQueries people, InboundHandler handler, OutboxQueries outbox)
{
    // Chats known to be linked already, so the outbox is asked once per person, not per message.
    private readonly ConcurrentDictionary<string, bool> _opened = new(StringComparer.Ordinal);

    public async Task<PersonView?> FindPersonAsync(long personId, CancellationToken cancellationToken)
    {
        var everyone = await people.ListAsync(cancellationToken);
        return everyone.FirstOrDefault(p => p.Id == personId);
    }

    /// <summary>Hands one message (null: only the phone claim, as when a contact is shared) to the inbound pipeline.</summary>
    public async Task<InboundOutcome> SendAsync(PersonView person, Inbound? message, CancellationToken cancellationToken)
    {
        if (message is not null && !await IsOpenAsync(person, cancellationToken))
        {
            // The message that links a chat only earns a greeting. Like pressing Start on Telegram, the chat is opened
            // first, so the tester's first message (say, Terima on an alert) is then handled, not swallowed.
            await HandleAsync(person, null, cancellationToken);
        }

        var outcome = await HandleAsync(person, message, cancellationToken);
        _opened.TryAdd(person.Phone, true);
        return outcome;
    }

    private async Task<bool> IsOpenAsync(PersonView person, CancellationToken cancellationToken)
    {
        if (_opened.ContainsKey(person.Phone))
        {
            return true;
        }

        // Linking a chat always greets it, so a simulator chat the bot has written to is linked.
        var written = await outbox.ForAddressAsync(SimulatorSender.ChannelName, person.Phone, 0, cancellationToken);
        if (written.Count == 0)
        {
            return false;
        }

        _opened.TryAdd(person.Phone, true);
        return true;
    }

    private Task<InboundOutcome> HandleAsync(PersonView person, Inbound? message, CancellationToken cancellationToken)
    {
        // A fresh id per message: the page never retries a post by itself, so there is nothing to deduplicate.
        var envelope = new InboundEnvelope(
            SimulatorSender.ChannelName,
            person.Phone,
            Guid.NewGuid().ToString("N"),
            message,
            new PhoneClaim(person.Phone, Verified: true));
        return handler.HandleAsync(envelope, cancellationToken);
    }
}
