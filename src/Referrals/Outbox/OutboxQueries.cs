using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Outbox;

/// <summary>Reads what the bot queued: for one chat (what a person sees) or everything recent (the simulator's feed).</summary>
public sealed class OutboxQueries(IDbContextFactory<PosyanduDb> dbFactory)
{
    private const int MaxRows = 500;

    /// <summary>Messages to one chat with an id above <paramref name="afterId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxView>> ForAddressAsync(string channel, string address, long afterId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Outbox.AsNoTracking().Include(o => o.Person)
            .Where(o => o.Channel == channel && o.Address == address && o.Id > afterId)
            .OrderBy(o => o.Id)
            .Take(MaxRows)
            .ToListAsync(cancellationToken);
        return await ToViewsAsync(db, rows, cancellationToken);
    }

    /// <summary>
    /// Messages to anyone, oldest first: after <paramref name="afterId"/> (up to <paramref name="limit"/>, so a poll never
    /// skips one), or with <paramref name="afterId"/> 0 the latest <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<OutboxView>> RecentAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxRows);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Outbox.AsNoTracking().Include(o => o.Person);
        var rows = afterId > 0
            ? await query.Where(o => o.Id > afterId).OrderBy(o => o.Id).Take(limit).ToListAsync(cancellationToken)
            : (await query.OrderByDescending(o => o.Id).Take(limit).ToListAsync(cancellationToken)).AsEnumerable().Reverse().ToList();
        return await ToViewsAsync(db, rows, cancellationToken);
    }

    /// <summary>The latest messages in one delivery state (a failure, or waiting for the person to write), newest first.</summary>
    public async Task<IReadOnlyList<OutboxView>> WithStatusAsync(OutboxStatus status, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Outbox.AsNoTracking().Include(o => o.Person)
            .Where(o => o.Status == status)
            .OrderByDescending(o => o.Id)
            .Take(Math.Clamp(limit, 1, MaxRows))
            .ToListAsync(cancellationToken);
        return await ToViewsAsync(db, rows, cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboxView>> ToViewsAsync(PosyanduDb db, List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var referralIds = rows.Where(o => o.ReferralId is not null).Select(o => o.ReferralId!.Value).Distinct().ToList();
        var confidentialReferrals = referralIds.Count == 0
            ? []
            : (await db.Referrals.AsNoTracking()
                .Where(r => referralIds.Contains(r.Id) && r.Report!.Confidential)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken)).ToHashSet();

        return rows.Select(o =>
        {
            var reply = OutboxPayload.DeserializeOrPlaceholder(o.PayloadJson);
            var confidential = reply.Confidential || (o.ReferralId is { } id && confidentialReferrals.Contains(id));
            return new OutboxView(o.Id, o.PersonId, o.Person?.Nama, o.Person?.Peran, o.Channel, o.Address, reply, o.Status.ToString(), o.CreatedAt, confidential,
                o.DeliveryStatus, o.ErrorCode, o.LastError);
        }).ToList();
    }
}
