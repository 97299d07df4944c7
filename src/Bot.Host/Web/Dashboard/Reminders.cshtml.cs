using Posyandu.Referrals.Dashboard;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>Reminder runs and their progress, read from the host's <see cref="IReminderRunSource"/> when it has one.</summary>
public sealed class RemindersModel(IServiceProvider services) : DashboardPageModel
{
    public IReadOnlyList<ReminderRunView>? Runs { get; private set; }

    public async Task OnGetAsync()
    {
        if (services.GetService<IReminderRunSource>() is { } source)
        {
            Runs = await source.ListAsync(Viewer, HttpContext.RequestAborted);
        }
    }
}
