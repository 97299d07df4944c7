using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Dashboard;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Reminders;

/// <summary>Reminder runs and their progress for administrators (the API) and the dashboard (runs that reached the viewer's area).</summary>
public sealed class ReminderRunQueries(IDbContextFactory<PosyanduDb> dbFactory) : IReminderRunSource
{
    /// <summary>The latest runs, newest first, with their counts.</summary>
    public async Task<IReadOnlyList<ReminderRunProgressView>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.ReminderRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        var progress = await ProgressAsync(db, [.. runs.Select(r => r.Id)], cancellationToken);
        return [.. runs.Select(r => new ReminderRunProgressView(
            r.Id, r.Kind, r.Zone, r.Occurrence, r.DueAt, r.StartedAt, r.FinishedAt, r.Status,
            progress.GetValueOrDefault(r.Id) ?? new ReminderProgress(0, 0, 0, 0, 0)))];
    }

    public async Task<IReadOnlyList<ReminderRunView>> ListAsync(DashboardViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var prefix = viewer.Area;
        var runIds = await db.ReminderRecipients.AsNoTracking()
            .Where(x => x.Person!.KodeWilayah.StartsWith(prefix))
            .Select(x => x.RunId).Distinct().OrderByDescending(id => id).Take(50).ToListAsync(cancellationToken);
        var runs = await db.ReminderRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var progress = await ProgressAsync(db, runIds, cancellationToken);
        return [.. runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Select(r =>
        {
            var p = progress.GetValueOrDefault(r.Id) ?? new ReminderProgress(0, 0, 0, 0, 0);
            return new ReminderRunView(KindName(r.Kind) + " " + r.Zone, r.StartedAt, p.Planned - p.Skipped, p.Sent, p.Failed, StatusName(r.Status));
        })];
    }

    /// <summary>Per run: planned, sent (delivered by the outbox), pending (not yet written, or written and not delivered), failed, skipped.</summary>
    internal static async Task<Dictionary<long, ReminderProgress>> ProgressAsync(PosyanduDb db, IReadOnlyCollection<long> runIds, CancellationToken cancellationToken)
    {
        var rows = await db.ReminderRecipients.AsNoTracking()
            .Where(x => runIds.Contains(x.RunId))
            .GroupBy(x => new { x.RunId, x.Status, Outbox = (OutboxStatus?)x.OutboxMessage!.Status })
            .Select(g => new { g.Key.RunId, g.Key.Status, g.Key.Outbox, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.RunId).ToDictionary(g => g.Key, g => new ReminderProgress(
            Planned: g.Sum(r => r.Count),
            Sent: g.Where(r => r.Status == ReminderRecipientStatus.Queued && r.Outbox == OutboxStatus.Sent).Sum(r => r.Count),
            Pending: g.Where(r => r.Status == ReminderRecipientStatus.Pending
                || (r.Status == ReminderRecipientStatus.Queued && r.Outbox is OutboxStatus.Pending or OutboxStatus.WaitingForChat)).Sum(r => r.Count),
            Failed: g.Where(r => r.Status == ReminderRecipientStatus.Queued && r.Outbox is OutboxStatus.Failed or OutboxStatus.Unreachable or null).Sum(r => r.Count),
            Skipped: g.Where(r => r.Status == ReminderRecipientStatus.Skipped).Sum(r => r.Count)));
    }

    private static string KindName(ReminderKind kind) => kind switch
    {
        ReminderKind.HariBuka => "Hari buka",
        ReminderKind.Monthly => "Laporan bulanan",
        _ => "Ringkasan harian",
    };

    private static string StatusName(ReminderRunStatus status) => status switch
    {
        ReminderRunStatus.Waiting => "Menunggu jam tenang berakhir",
        ReminderRunStatus.Running => "Berjalan",
        _ => "Selesai",
    };
}

/// <summary>How far a run got: every recipient is exactly one of sent, pending, failed or skipped.</summary>
public sealed record ReminderProgress(int Planned, int Sent, int Pending, int Failed, int Skipped);

/// <summary>One run for administrators: what, where, for which occurrence, when due, its state and progress.</summary>
public sealed record ReminderRunProgressView(
    long Id, ReminderKind Kind, string Zone, DateTimeOffset Occurrence, DateTimeOffset DueAt, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, ReminderRunStatus Status, ReminderProgress Progress);
