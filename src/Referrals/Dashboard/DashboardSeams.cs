namespace Posyandu.Referrals.Dashboard;

/// <summary>
/// Reminder runs and their progress for the dashboard. Implemented where reminders are sent; while no implementation is
/// registered the dashboard says the section is not available yet.
/// </summary>
public interface IReminderRunSource
{
    /// <summary>The recent runs that reached people of the viewer's area, newest first.</summary>
    Task<IReadOnlyList<ReminderRunView>> ListAsync(DashboardViewer viewer, CancellationToken cancellationToken);
}

/// <summary>One reminder run: what it reminds of, when it started, how many messages it has to send and has sent, and its state.</summary>
public sealed record ReminderRunView(string Kind, DateTimeOffset StartedAt, int Planned, int Sent, int Failed, string Status);

/// <summary>
/// Where the roster leaves routing without the people the rules ask for, for the roster page. Implemented with the routing
/// checks; while none is registered the dashboard says the section is not available yet.
/// </summary>
public interface IRoutingGapSource
{
    /// <summary>The gaps in the viewer's area.</summary>
    Task<IReadOnlyList<RoutingGapView>> ListAsync(DashboardViewer viewer, CancellationToken cancellationToken);
}

/// <summary>One gap: in which desa, for which topic, which role is missing and where its referrals go instead.</summary>
public sealed record RoutingGapView(string Desa, string Topic, string MissingRole, string FallsBackTo);
