using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Dashboard;

/// <summary>Finds who is signed in from the roster as it is now: a person removed or turned kader no longer gets in.</summary>
public sealed class DashboardViewers(IDbContextFactory<PosyanduDb> dbFactory)
{
    public async Task<DashboardViewer?> FindAsync(long personId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null || person.Peran == Peran.Kader)
        {
            return null;
        }

        var areaNama = await db.Wilayah.Where(w => w.Kode == person.KodeWilayah).Select(w => w.Nama).FirstOrDefaultAsync(cancellationToken);
        return new DashboardViewer(person.Id, person.Nama, person.Peran, person.KodeWilayah, areaNama ?? person.KodeWilayah, Peran.LevelOf(person.Peran));
    }
}
