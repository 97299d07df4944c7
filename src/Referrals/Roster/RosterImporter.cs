using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Roster;

/// <summary>
/// Imports the roster CSV (roster.md): people matched by phone, desa/kecamatan/kabupaten and Posyandu created or updated
/// from the rows. A bad line is refused whole with its reason, the rest imported; re-importing the same file changes nothing.
/// </summary>
public sealed class RosterImporter(IDbContextFactory<PosyanduDb> dbFactory, TimeProvider time, ILogger<RosterImporter> logger)
{
    // Lines per SaveChanges: large enough that a district's roster takes a few round trips, small enough to keep the
    // tracker (and the statement batches) short.
    private const int LinesPerSave = 1000;

    public async Task<bool> HasPeopleAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AnyAsync(cancellationToken);
    }

    public Task<RosterImportResult> ImportAsync(TextReader csv, CancellationToken cancellationToken) =>
        ImportAsync(csv, withinArea: null, cancellationToken);

    /// <summary>
    /// Imports as <see cref="ImportAsync(TextReader, CancellationToken)"/>; with <paramref name="withinArea"/> (an official
    /// uploading from the dashboard) a line for a person or an area outside that area is refused.
    /// </summary>
    public async Task<RosterImportResult> ImportAsync(TextReader csv, string? withinArea, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = (await csv.ReadToEndAsync(cancellationToken)).TrimStart('\uFEFF');
        using var reader = CsvText.Reader(text);

        await reader.ReadHeaderAsync(cancellationToken);
        if (reader.Headers.Count == 0)
        {
            return new RosterImportResult([new RosterLineResult(1, RosterLineOutcome.Refused, null, "berkas kosong: baris judul kolom tidak ada")]);
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in RosterColumns.All)
        {
            if (reader.TryGetFieldIndex(name, out var index))
            {
                columns[name] = index;
            }
        }

        var missing = RosterColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new RosterImportResult([new RosterLineResult(1, RosterLineOutcome.Refused, null,
                $"kolom wajib tidak ada: {string.Join(", ", missing)} (judul kolom: {string.Join(", ", RosterColumns.All)})")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = new ImportSession(db, time.GetUtcNow());
        await session.LoadAsync(cancellationToken);

        var lines = new List<RosterLineResult>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = (int)reader.LineNumber;
            var cells = columns.ToDictionary(c => c.Key, c => reader.GetString(c.Value));
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue; // Spreadsheets save trailing empty rows (";;;;;;;"): not a line anyone wrote.
            }

            var row = RosterRowReader.Read(cells, out var problem);
            var result = row is null
                ? new RosterLineResult(line, RosterLineOutcome.Refused, NameOf(cells), problem)
                : withinArea is not null && !session.IsWithin(row, withinArea)
                    ? new RosterLineResult(line, RosterLineOutcome.Refused, row.Nama, $"di luar wilayah Bapak/Ibu ({withinArea}): baris ini tidak diubah")
                    : session.Apply(line, row);
            lines.Add(result);
            if (lines.Count % LinesPerSave == 0)
            {
                await session.SaveAsync(cancellationToken);
            }
        }

        await session.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var imported = new RosterImportResult(lines);
        logger.LogInformation("Roster imported: {Created} created, {Updated} updated, {Unchanged} unchanged, {Refused} refused",
            imported.Created, imported.Updated, imported.Unchanged, imported.Refused);
        return imported;
    }

    private static string? NameOf(Dictionary<string, string> cells) =>
        cells.TryGetValue(RosterColumns.Nama, out var name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : null;
}
