using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Routing;

/// <summary>
/// Imports the routing overrides CSV (<see cref="RoutingCsv"/>) in one transaction: each line creates, changes or removes
/// one override, or is refused with its reason; importing the same file again changes nothing.
/// </summary>
public sealed class RoutingImporter(IDbContextFactory<PosyanduDb> dbFactory, FormCatalog catalog, TimeProvider time, ILogger<RoutingImporter> logger)
{
    public async Task<RoutingImportResult> ImportAsync(TextReader csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = await csv.ReadToEndAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var desa = (await db.Wilayah.Where(w => w.Level == WilayahLevel.Desa).Select(w => w.Kode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var existing = (await db.RoutingOverrides.ToListAsync(cancellationToken)).ToDictionary(o => (o.DesaKode, o.Topic, o.List));
        var now = time.GetUtcNow();

        var results = new List<RoutingLineResult>();
        foreach (var line in RoutingCsv.Read(text, desa, catalog.Forms.Select(f => f.Topic).ToList()))
        {
            results.Add(line.Row is { } row ? Apply(db, existing, line.Line, row, now) : new RoutingLineResult(line.Line, RoutingLineOutcome.Refused, line.Problem ?? ""));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var imported = new RoutingImportResult(results);
        logger.LogInformation("Routing overrides imported: {Created} created, {Updated} updated, {Removed} removed, {Unchanged} unchanged, {Refused} refused",
            imported.Created, imported.Updated, imported.Removed, imported.Unchanged, imported.Refused);
        return imported;
    }

    private static RoutingLineResult Apply(PosyanduDb db, Dictionary<(string, string, RoutingList), RoutingOverride> existing, int line, RoutingOverrideRow row, DateTimeOffset now)
    {
        var key = (row.DesaKode, row.Topic, row.List);
        var what = $"{row.DesaKode} {row.Topic} {RoutingCsv.NameOf(row.List)}";
        existing.TryGetValue(key, out var current);
        if (row.Roles is null)
        {
            if (current is null)
            {
                return new RoutingLineResult(line, RoutingLineOutcome.Unchanged, $"{what} (aturan bawaan)");
            }

            db.RoutingOverrides.Remove(current);
            existing.Remove(key);
            return new RoutingLineResult(line, RoutingLineOutcome.Removed, $"{what}: kembali ke aturan bawaan ({Describe(Bawaan(row))})");
        }

        var roles = RoutingTable.Store(row.Roles);
        if (current is null)
        {
            var created = new RoutingOverride { DesaKode = row.DesaKode, Topic = row.Topic, List = row.List, Roles = roles, UpdatedAt = now };
            db.RoutingOverrides.Add(created);
            existing[key] = created;
            return new RoutingLineResult(line, RoutingLineOutcome.Created, $"{what}: {Describe(row.Roles)} (bawaan: {Describe(Bawaan(row))})");
        }

        if (current.Roles == roles)
        {
            return new RoutingLineResult(line, RoutingLineOutcome.Unchanged, $"{what}: {Describe(row.Roles)}");
        }

        var before = current.Roles;
        current.Roles = roles;
        current.UpdatedAt = now;
        return new RoutingLineResult(line, RoutingLineOutcome.Updated, $"{what}: {Describe(row.Roles)} (sebelumnya: {Describe(RoutingTable.Roles(before))})");
    }

    private static IReadOnlyList<string> Bawaan(RoutingOverrideRow row)
    {
        var rule = RoutingDefaults.For(row.Topic);
        return row.List switch
        {
            RoutingList.Primary => rule.Primary,
            RoutingList.Copy => rule.Copy,
            _ => rule.Escalation,
        };
    }

    private static string Describe(IReadOnlyList<string> roles) => roles.Count == 0 ? "tidak ada" : string.Join(", ", roles);
}

/// <summary>What a routing import did, line by line.</summary>
public sealed record RoutingImportResult(IReadOnlyList<RoutingLineResult> Lines)
{
    public int Created => Count(RoutingLineOutcome.Created);
    public int Updated => Count(RoutingLineOutcome.Updated);
    public int Removed => Count(RoutingLineOutcome.Removed);
    public int Unchanged => Count(RoutingLineOutcome.Unchanged);
    public int Refused => Count(RoutingLineOutcome.Refused);

    private int Count(RoutingLineOutcome outcome) => Lines.Count(l => l.Outcome == outcome);
}

/// <summary>The outcome of one CSV line: its number in the file, what happened and (in Indonesian) to what or why not.</summary>
public sealed record RoutingLineResult(int Line, RoutingLineOutcome Outcome, string Message);

/// <summary>What an import did with one line; a refused line changed nothing.</summary>
public enum RoutingLineOutcome { Created, Updated, Removed, Unchanged, Refused }
