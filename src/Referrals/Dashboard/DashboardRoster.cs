using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Dashboard;

/// <summary>The roster of the viewer's area as the dashboard lists it, and its upload (the roster importer, bounded to the area).</summary>
public sealed class DashboardRoster(IDbContextFactory<PosyanduDb> dbFactory, RosterImporter importer)
{
    public async Task<IReadOnlyList<RosterPersonView>> ListAsync(DashboardViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var area = viewer.Area;
        var under = area + ".";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.People.AsNoTracking()
            .Where(p => p.KodeWilayah == area || p.KodeWilayah.StartsWith(under))
            .Select(p => new
            {
                p.Nama,
                p.Peran,
                p.Phone,
                p.KodeWilayah,
                Wilayah = db.Wilayah.Where(w => w.Kode == p.KodeWilayah).Select(w => w.Nama).FirstOrDefault(),
                Posyandu = p.Posyandu == null ? null : p.Posyandu.Nama,
                Channels = db.ChannelLinks.Where(l => l.PersonId == p.Id && !l.Unreachable).Select(l => l.Channel).ToList(),
            })
            .ToListAsync(cancellationToken);

        return rows
            .OrderBy(r => r.KodeWilayah, StringComparer.Ordinal)
            .ThenBy(r => r.Peran == Peran.Kader)
            .ThenBy(r => r.Nama, StringComparer.OrdinalIgnoreCase)
            .Select(r => new RosterPersonView(r.Nama, r.Peran, Peran.DisplayName(r.Peran, r.KodeWilayah), Conversation.Parsing.PhoneNumbers.Mask(r.Phone),
                r.Wilayah ?? r.KodeWilayah, r.Posyandu, r.Channels.Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>Imports a roster CSV as the viewer: only the DPMD, and only lines of its own kabupaten; null when not allowed.</summary>
    public async Task<RosterImportResult?> ImportAsync(DashboardViewer viewer, TextReader csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.MayImportRoster ? await importer.ImportAsync(csv, viewer.Area, cancellationToken) : null;
    }
}

/// <summary>A person of the roster as the dashboard lists them: the phone masked, the chats they can be reached on.</summary>
public sealed record RosterPersonView(string Nama, string Peran, string PeranNama, string Phone, string Wilayah, string? Posyandu, IReadOnlyList<string> Channels);
