using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.People;

/// <summary>Reads the roster: everyone, grouped by area (kabupaten, kecamatan, desa), kader after officials, by name.</summary>
public sealed class PeopleQueries(IDbContextFactory<PosyanduDb> dbFactory)
{
    public Task<IReadOnlyList<PersonView>> ListAsync(CancellationToken cancellationToken) => QueryAsync(null, cancellationToken);

    /// <summary>One person by id; null when there is no such person.</summary>
    public async Task<PersonView?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync(id, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<PersonView>> QueryAsync(long? id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = db.People.AsNoTracking();
        if (id is { } only)
        {
            people = people.Where(p => p.Id == only);
        }

        var rows = await (
            from p in people
            join w in db.Wilayah.AsNoTracking() on p.KodeWilayah equals w.Kode into areas
            from w in areas.DefaultIfEmpty()
            select new { Person = p, NamaWilayah = w == null ? null : w.Nama, Posyandu = p.Posyandu == null ? null : p.Posyandu.Nama })
            .ToListAsync(cancellationToken);

        return rows
            .OrderBy(r => r.Person.KodeWilayah, StringComparer.Ordinal)
            .ThenBy(r => r.Person.Peran == Roster.Peran.Kader)
            .ThenBy(r => r.Person.Nama, StringComparer.OrdinalIgnoreCase)
            .Select(r => new PersonView(r.Person.Id, r.Person.Nama, r.Person.Peran, r.Person.Phone, r.Person.KodeWilayah, r.NamaWilayah ?? r.Person.KodeWilayah, r.Posyandu))
            .ToList();
    }
}
