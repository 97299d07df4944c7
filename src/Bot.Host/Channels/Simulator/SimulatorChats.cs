using Posyandu.Conversation;
using Posyandu.Referrals.Intake;
using Posyandu.Referrals.People;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>
/// Turns what a tester does on the page into inbound messages from the chosen roster person, through the same
/// <see cref="InboundHandler"/> as the real channels. The tester acting as that person counts as a verified identity, so
/// every envelope carries the person's own number as a verified phone claim; the chat is the person's phone number.
/// </summary>
internal sealed class SimulatorChats(PeopleQueries people, InboundHandler handler)
{
    public Task<PersonView?> FindPersonAsync(long personId, CancellationToken cancellationToken) =>
        people.FindAsync(personId, cancellationToken);

    /// <summary>
    /// Hands one message (null: only the phone claim, as when a contact is shared) to the inbound pipeline, on the
    /// simulator chat that acts as <paramref name="channel"/> (<c>simulator</c>, <c>simulator-whatsapp</c>, <c>simulator-sms</c>).
    /// </summary>
    public Task<InboundOutcome> SendAsync(PersonView person, Inbound? message, string channel, CancellationToken cancellationToken)
    {
        // A fresh id per message: the page never retries a post by itself, so there is nothing to deduplicate.
        var envelope = new InboundEnvelope(
            channel,
            person.Phone,
            Guid.NewGuid().ToString("N"),
            message,
            new PhoneClaim(person.Phone, Verified: true));
        return handler.HandleAsync(envelope, cancellationToken);
    }
}
