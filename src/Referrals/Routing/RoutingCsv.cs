using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Routing;

/// <summary>
/// Reads the routing overrides CSV (<c>kode_desa,topik,jenis,peran</c>): one line sets one list (<c>utama</c>,
/// <c>tembusan</c>, <c>eskalasi</c>) of one topic in one desa to the roles named, <c>TIDAK_ADA</c> empties a copy or
/// escalation list, <c>BAWAAN</c> gives the list back to the defaults. Pure: the known desa and topics are passed in; a
/// bad line is refused with its reason in Indonesian.
/// </summary>
public static class RoutingCsv
{
    public const string KodeDesa = "kode_desa";
    public const string Topik = "topik";
    public const string Jenis = "jenis";
    public const string Peran = "peran";

    /// <summary>The role list's value that gives it back to the routing defaults.</summary>
    public const string Bawaan = "BAWAAN";

    /// <summary>The role list's value for nobody (copies or escalation only).</summary>
    public const string TidakAda = "TIDAK_ADA";

    private static readonly string[] Columns = [KodeDesa, Topik, Jenis, Peran];

    private static readonly Dictionary<string, RoutingList> Lists = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utama"] = RoutingList.Primary,
        ["tembusan"] = RoutingList.Copy,
        ["eskalasi"] = RoutingList.Escalation,
    };

    /// <summary>Every line of <paramref name="text"/> that someone wrote, with its number in the file: a row, or why it is refused.</summary>
    public static IReadOnlyList<RoutingCsvLine> Read(string text, IReadOnlySet<string> knownDesa, IReadOnlyCollection<string> knownTopics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownDesa);
        ArgumentNullException.ThrowIfNull(knownTopics);
        using var reader = CsvText.Reader(text.TrimStart('\uFEFF'));
        reader.ReadHeader();
        if (reader.Headers.Count == 0 || reader.Headers.All(string.IsNullOrWhiteSpace))
        {
            return [RoutingCsvLine.Refused(1, "berkas kosong: baris judul kolom tidak ada")];
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in Columns)
        {
            if (reader.TryGetFieldIndex(name, out var index))
            {
                columns[name] = index;
            }
        }

        var missing = Columns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return [RoutingCsvLine.Refused(1, $"kolom wajib tidak ada: {string.Join(", ", missing)} (judul kolom: {string.Join(",", Columns)})")];
        }

        var lines = new List<RoutingCsvLine>();
        var seen = new Dictionary<(string, string, RoutingList), int>();
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var cells = columns.ToDictionary(c => c.Key, c => reader.GetString(c.Value).Trim());
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue; // Spreadsheets save trailing empty rows (";;;"): not a line anyone wrote.
            }

            var row = ReadRow(cells, knownDesa, knownTopics, out var problem);
            if (row is not null && seen.TryGetValue((row.DesaKode, row.Topic, row.List), out var earlier))
            {
                (row, problem) = (null, $"desa, topik dan jenis sama dengan baris {earlier}");
            }

            if (row is null)
            {
                lines.Add(RoutingCsvLine.Refused(line, problem));
                continue;
            }

            seen[(row.DesaKode, row.Topic, row.List)] = line;
            lines.Add(new RoutingCsvLine(line, row, null));
        }

        return lines;
    }

    /// <summary>The list's word in the CSV and in the import's report: <c>utama</c>, <c>tembusan</c>, <c>eskalasi</c>.</summary>
    public static string NameOf(RoutingList list) => Lists.First(l => l.Value == list).Key;

    private static RoutingOverrideRow? ReadRow(Dictionary<string, string> cells, IReadOnlySet<string> knownDesa, IReadOnlyCollection<string> knownTopics, out string problem)
    {
        var rawDesa = cells[KodeDesa];
        if (!KodeWilayah.TryParse(rawDesa, out var desa, out var level, out problem))
        {
            problem = rawDesa.Length == 0 ? "kode_desa kosong" : problem.Replace("kode_wilayah", "kode_desa", StringComparison.Ordinal);
            return null;
        }

        if (level != WilayahLevel.Desa)
        {
            problem = $"kode_desa '{rawDesa}' bukan kode desa (PP.KK.CC.DDDD)";
            return null;
        }

        if (!knownDesa.Contains(desa))
        {
            problem = $"desa {desa} tidak ada di roster (impor roster-nya dahulu)";
            return null;
        }

        var topic = knownTopics.FirstOrDefault(t => string.Equals(t, cells[Topik], StringComparison.OrdinalIgnoreCase));
        if (topic is null)
        {
            problem = cells[Topik].Length == 0 ? "topik kosong" : $"topik '{cells[Topik]}' tidak dikenal (misalnya PR-RTLH, KS-BALITA)";
            return null;
        }

        if (!Lists.TryGetValue(cells[Jenis], out var list))
        {
            problem = cells[Jenis].Length == 0 ? "jenis kosong (utama, tembusan atau eskalasi)" : $"jenis '{cells[Jenis]}' tidak dikenal (utama, tembusan atau eskalasi)";
            return null;
        }

        var rawRoles = cells[Peran];
        if (Is(rawRoles, Bawaan))
        {
            return new RoutingOverrideRow(desa, topic, list, null);
        }

        if (Is(rawRoles, TidakAda))
        {
            if (list == RoutingList.Primary)
            {
                problem = "penerima utama tidak boleh TIDAK_ADA: laporan harus ada yang menangani";
                return null;
            }

            return new RoutingOverrideRow(desa, topic, list, []);
        }

        var roles = new List<string>();
        foreach (var raw in rawRoles.Split(['+', ',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var role = Roster.Peran.Normalize(raw);
            if (role is null || role == Roster.Peran.Kader)
            {
                problem = role is null ? $"peran '{raw}' tidak dikenal" : "KADER tidak menerima rujukan: pilih peran petugas";
                return null;
            }

            if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        if (roles.Count == 0)
        {
            problem = $"peran kosong (kode peran dipisah '+', {TidakAda} untuk tanpa penerima, atau {Bawaan} untuk kembali ke aturan bawaan)";
            return null;
        }

        return new RoutingOverrideRow(desa, topic, list, roles);
    }

    private static bool Is(string value, string word) =>
        string.Equals(string.Join('_', value.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)), word, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One line of the routing CSV: its number in the file and either the override it asks for or why it is refused.</summary>
public sealed record RoutingCsvLine(int Line, RoutingOverrideRow? Row, string? Problem)
{
    public static RoutingCsvLine Refused(int line, string problem) => new(line, null, problem);
}

/// <summary>One list of one topic in one desa, as a line asks: the roles in order, none (empty), or back to the defaults (null).</summary>
public sealed record RoutingOverrideRow(string DesaKode, string Topic, RoutingList List, IReadOnlyList<string>? Roles);
