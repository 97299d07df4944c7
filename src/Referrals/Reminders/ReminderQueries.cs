using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Reminders;

/// <summary>Reads the reminder settings for administrators: who sent BERHENTI.</summary>
public sealed class ReminderQueries(IDbContextFactory<PosyanduDb> dbFactory)
{
    /// <summary>Everyone who stopped reminders, by area and name; phone numbers masked.</summary>
    public async Task<IReadOnlyList<OptOutView>> OptOutsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => p.RemindersOptOut).ToListAsync(cancellationToken);
        return [.. people
            .OrderBy(p => p.KodeWilayah, StringComparer.Ordinal).ThenBy(p => p.Nama, StringComparer.OrdinalIgnoreCase)
            .Select(p => new OptOutView(p.Nama, p.Peran, p.KodeWilayah, Conversation.Parsing.PhoneNumbers.Mask(p.Phone), p.UpdatedAt))];
    }
}

/// <summary>A person who stopped reminders (BERHENTI); <see cref="Since"/> is their last change.</summary>
public sealed record OptOutView(string Nama, string Peran, string KodeWilayah, string Phone, DateTimeOffset Since);
