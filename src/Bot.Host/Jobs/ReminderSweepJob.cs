using Hangfire;
using Posyandu.Referrals.Reminders;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// Sends the reminder runs that are due and not done: those that waited for the end of the quiet hours and those a stopped
/// host left half-way. At start it also fires the schedules whose moment passed just before (a host briefly down).
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class ReminderSweepJob(ReminderRunner runner)
{
    public const string RecurringId = "reminder-sweep";

    public Task RunAsync(bool catchUp, CancellationToken cancellationToken) => runner.SweepAsync(catchUp, cancellationToken);
}
