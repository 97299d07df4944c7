namespace Posyandu.Referrals.Outbox;

/// <summary>Asks the worker pool (Hangfire in the host) to deliver the pending outbox of one chat, now or later.</summary>
public interface IOutboxScheduler
{
    void DeliverSoon(string channel, string address);

    void DeliverLater(string channel, string address, TimeSpan delay);
}
