using Posyandu.Referrals.Deadlines;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bench.DashboardPaging;

/// <summary>The worker pool the Referrals area asks for; the benchmark only reads, so nothing is ever scheduled.</summary>
internal sealed class NoScheduling : IOutboxScheduler, IDeadlineScheduler
{
    public void DeliverSoon(string channel, string address)
    {
    }

    public void DeliverLater(string channel, string address, TimeSpan delay)
    {
    }

    public void ScheduleAt(long referralId, DateTimeOffset dueAt)
    {
    }
}
