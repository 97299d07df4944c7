using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation;
using Posyandu.Conversation.Parsing;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Workflow;

namespace Posyandu.Referrals.Dashboard;

/// <summary>
/// <i>Terima</i>, <i>Selesai</i> and <i>Tolak</i> from the dashboard: the very chat commands (<see cref="OfficialCommands"/>),
/// so the same rules hold, the kader and the other officials are told the same way, and the timeline says <c>web</c>.
/// </summary>
public sealed class DashboardActions
{
    public const string Channel = "web";
    private const int Attempts = 3;

    private readonly IDbContextFactory<PosyanduDb> _dbFactory;
    private readonly OfficialCommands _commands;
    private readonly IOutboxScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly ILogger<DashboardActions> _logger;

    internal DashboardActions(IDbContextFactory<PosyanduDb> dbFactory, OfficialCommands commands, IOutboxScheduler scheduler, TimeProvider time, ILogger<DashboardActions> logger)
    {
        _dbFactory = dbFactory;
        _commands = commands;
        _scheduler = scheduler;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs the action on report <paramref name="number"/> as <paramref name="viewer"/>; returns what the chat would have answered.</summary>
    public async Task<string> ActAsync(DashboardViewer viewer, string number, OfficialAction action, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var command = new OfficialCommand(action, number.Trim().ToUpperInvariant(), string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (answers, touched) = await ActOnceAsync(viewer.PersonId, command, cancellationToken);
                foreach (var chat in touched)
                {
                    _scheduler.DeliverSoon(chat.Channel, chat.Address);
                }

                return string.Join("\n\n", answers.Select(a => a.Text.Replace("*", "", StringComparison.Ordinal)));
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException && attempt < Attempts)
            {
                // Someone acted on the same referral at the same moment (its version changed): read it again and decide anew.
                _logger.LogWarning("Dashboard {Action} on {Number}: conflict, retrying ({Attempt})", action, command.Reference, attempt);
            }
        }
    }

    private async Task<(List<Reply>, IReadOnlyCollection<ChatAddress>)> ActOnceAsync(long personId, OfficialCommand command, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var official = await db.People.FirstAsync(p => p.Id == personId, cancellationToken);
        var work = new WorkUnit(db, _time.GetUtcNow()) { Channel = Channel };
        var answers = new List<Reply>();
        await _commands.HandleAsync(work, official, command, answers.Add, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (answers, work.Outbox.Touched.ToList());
    }
}
