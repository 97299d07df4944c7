using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Roster;

/// <summary>
/// The state of one import: what the database holds and what earlier lines of the same file said, so that a line
/// contradicting an earlier one (same phone twice, two names for one area, two opening days for one Posyandu) is refused.
/// The rows are read once, untracked, into dictionaries; only what a line creates or changes is tracked, and
/// <see cref="SaveAsync"/> empties the tracker, so each save costs its batch and not the whole roster.
/// </summary>
internal sealed class ImportSession(PosyanduDb db, DateTimeOffset now)
{
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Wilayah> _wilayah = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Desa, string Nama), PosyanduRecord> _posyandu = [];
    private readonly Dictionary<string, int> _phoneLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, string Nama)> _wilayahLines = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Desa, string Nama), (int Line, int HariBuka)> _posyanduLines = [];
    private readonly List<Person> _newPeople = [];

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var person in await db.People.AsNoTracking().ToListAsync(cancellationToken))
        {
            _people[person.Phone] = person;
        }

        foreach (var wilayah in await db.Wilayah.AsNoTracking().ToListAsync(cancellationToken))
        {
            _wilayah[wilayah.Kode] = wilayah;
        }

        foreach (var posyandu in await db.Posyandu.AsNoTracking().ToListAsync(cancellationToken))
        {
            _posyandu[PosyanduKey(posyandu.DesaKode, posyandu.Nama)] = posyandu;
        }
    }

    /// <summary>Whether the line's area, and the area of the person it would change (by phone), both lie in <paramref name="area"/>.</summary>
    public bool IsWithin(RosterRow row, string area) =>
        KodeWilayah.Covers(area, row.KodeWilayah)
        && (!_people.TryGetValue(row.Phone, out var existing) || KodeWilayah.Covers(area, existing.KodeWilayah));

    /// <summary>Writes what the lines since the last save created or changed, then forgets it (the dictionaries keep the rows).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        // Areas, Posyandu and changed people first: the new people then point only at saved rows, so nothing reorders
        // their inserts and their ids follow the lines of the file.
        await db.SaveChangesAsync(cancellationToken);
        db.People.AddRange(_newPeople);
        await db.SaveChangesAsync(cancellationToken);
        _newPeople.Clear();
        db.ChangeTracker.Clear();
    }

    public RosterLineResult Apply(int line, RosterRow row)
    {
        var conflict = Conflict(row);
        if (conflict is not null)
        {
            return new RosterLineResult(line, RosterLineOutcome.Refused, row.Nama, conflict);
        }

        _phoneLines[row.Phone] = line;
        _wilayahLines.TryAdd(row.KodeWilayah, (line, row.NamaWilayah));
        if (row.Posyandu is not null)
        {
            _posyanduLines.TryAdd(PosyanduKey(row.KodeWilayah, row.Posyandu), (line, row.HariBuka!.Value));
        }

        var notes = new List<string>();
        ApplyWilayah(row, notes);
        var posyandu = ApplyPosyandu(row, notes);

        if (!_people.TryGetValue(row.Phone, out var person))
        {
            TrackIfAny(posyandu);
            person = new Person
            {
                Peran = row.Peran,
                Nama = row.Nama,
                Phone = row.Phone,
                KodeWilayah = row.KodeWilayah,
                Posyandu = posyandu,
                Bidang = row.Bidang,
                CreatedAt = now,
                UpdatedAt = now,
            };
            _newPeople.Add(person);
            _people[row.Phone] = person;
            var where = posyandu is null ? row.NamaWilayah : $"{posyandu.Nama}, {row.NamaWilayah}";
            return new RosterLineResult(line, RosterLineOutcome.Created, row.Nama, $"ditambahkan: {Peran.DisplayName(row.Peran, row.KodeWilayah)}, {where}");
        }

        var changed = new List<string>();
        if (person.Peran != row.Peran) { changed.Add("peran"); }
        if (person.Nama != row.Nama) { changed.Add("nama"); }
        if (person.KodeWilayah != row.KodeWilayah) { changed.Add("kode_wilayah"); }
        var samePosyandu = SamePosyandu(person, posyandu);
        if (!samePosyandu) { changed.Add("posyandu"); }
        if (person.Bidang != row.Bidang) { changed.Add("bidang"); }

        if (changed.Count > 0)
        {
            // Tracked before the change, so the saved UPDATE carries exactly the columns that differ.
            Track(person);
            person.Peran = row.Peran;
            person.Nama = row.Nama;
            person.KodeWilayah = row.KodeWilayah;
            person.Bidang = row.Bidang;
            if (!samePosyandu)
            {
                TrackIfAny(posyandu);
                person.Posyandu = posyandu;
                if (posyandu is not { Id: 0 })
                {
                    // A Posyandu created in this batch has no id yet: the navigation sets the key when it is saved.
                    person.PosyanduId = posyandu?.Id;
                }
            }

            person.UpdatedAt = now;
            notes.Insert(0, $"diperbarui: {string.Join(", ", changed)}");
        }

        return notes.Count == 0
            ? new RosterLineResult(line, RosterLineOutcome.Unchanged, row.Nama, "tidak berubah")
            : new RosterLineResult(line, RosterLineOutcome.Updated, row.Nama, string.Join("; ", notes));
    }

    private string? Conflict(RosterRow row)
    {
        if (_phoneLines.TryGetValue(row.Phone, out var phoneLine))
        {
            return $"nomor telepon sama dengan baris {phoneLine}";
        }

        if (_wilayahLines.TryGetValue(row.KodeWilayah, out var earlier) && !string.Equals(earlier.Nama, row.NamaWilayah, StringComparison.OrdinalIgnoreCase))
        {
            return $"nama_wilayah '{row.NamaWilayah}' berbeda dengan baris {earlier.Line} ('{earlier.Nama}') untuk kode {row.KodeWilayah}";
        }

        if (row.Posyandu is not null
            && _posyanduLines.TryGetValue(PosyanduKey(row.KodeWilayah, row.Posyandu), out var posyanduLine)
            && posyanduLine.HariBuka != row.HariBuka)
        {
            return $"hari_buka {row.HariBuka} berbeda dengan baris {posyanduLine.Line} ({posyanduLine.HariBuka}) untuk {row.Posyandu}";
        }

        return null;
    }

    private void ApplyWilayah(RosterRow row, List<string> notes)
    {
        if (!_wilayah.TryGetValue(row.KodeWilayah, out var wilayah))
        {
            wilayah = new Wilayah { Kode = row.KodeWilayah, Nama = row.NamaWilayah, Level = row.Level };
            db.Wilayah.Add(wilayah);
            _wilayah[row.KodeWilayah] = wilayah;
        }
        else if (wilayah.Nama != row.NamaWilayah)
        {
            notes.Add($"nama wilayah {row.KodeWilayah} diubah dari '{wilayah.Nama}' menjadi '{row.NamaWilayah}'");
            Track(wilayah);
            wilayah.Nama = row.NamaWilayah;
        }
    }

    private PosyanduRecord? ApplyPosyandu(RosterRow row, List<string> notes)
    {
        if (row.Posyandu is null)
        {
            return null;
        }

        var key = PosyanduKey(row.KodeWilayah, row.Posyandu);
        if (!_posyandu.TryGetValue(key, out var posyandu))
        {
            posyandu = new PosyanduRecord { DesaKode = row.KodeWilayah, Nama = row.Posyandu, HariBuka = row.HariBuka };
            db.Posyandu.Add(posyandu);
            _posyandu[key] = posyandu;
        }
        else if (posyandu.HariBuka != row.HariBuka)
        {
            notes.Add($"hari buka {posyandu.Nama} diubah dari {posyandu.HariBuka} menjadi {row.HariBuka}");
            Track(posyandu);
            posyandu.HariBuka = row.HariBuka;
        }

        return posyandu;
    }

    // A row read untracked, or saved in an earlier batch, is attached again (as it is: Unchanged, or Added while unsaved).
    private void Track(object entity)
    {
        if (db.Entry(entity).State == EntityState.Detached)
        {
            db.Attach(entity);
        }
    }

    private void TrackIfAny(PosyanduRecord? posyandu)
    {
        if (posyandu is not null)
        {
            Track(posyandu);
        }
    }

    private static bool SamePosyandu(Person person, PosyanduRecord? posyandu) =>
        posyandu is null ? person.PosyanduId is null && person.Posyandu is null : ReferenceEquals(person.Posyandu, posyandu) || (posyandu.Id != 0 && person.PosyanduId == posyandu.Id);

    private static (string, string) PosyanduKey(string desa, string nama) => (desa, nama.ToUpperInvariant());
}
