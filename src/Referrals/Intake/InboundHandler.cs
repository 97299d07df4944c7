namespace Posyandu.Referrals.Intake;

/// <summary>
/// Handles one inbound message in one transaction: dedupe, identity, dialog or official command, report and referral,
/// and every reply and alert written to the outbox. Messages of one chat are handled one at a time, in order.
/// </summary>
public sealed class InboundHandler
{
    public Task<InboundOutcome> HandleAsync(InboundEnvelope envelope, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
