using System.Globalization;
using Posyandu.Conversation.Forms;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Roster;

/// <summary>Validates the raw cells of one roster line into a <see cref="RosterRow"/>, or says (in Indonesian) why the line is refused.</summary>
internal static class RosterRowReader
{
    public static RosterRow? Read(IReadOnlyDictionary<string, string> cells, out string problem)
    {
        problem = "";
        string Cell(string name) => cells.TryGetValue(name, out var value) ? Collapse(value) : "";

        var peran = Roster.Peran.Normalize(Cell(RosterColumns.Peran));
        if (peran is null)
        {
            problem = Cell(RosterColumns.Peran) is { Length: > 0 } raw ? $"peran '{raw}' tidak dikenal" : "peran kosong";
            return null;
        }

        var nama = Cell(RosterColumns.Nama);
        if (nama.Length is < 2 or > 100)
        {
            problem = nama.Length == 0 ? "nama kosong" : "nama harus 2–100 huruf";
            return null;
        }

        var rawPhone = Cell(RosterColumns.Telepon);
        var phone = rawPhone.Length == 0 ? null : Conversation.Parsing.PhoneNumbers.ToE164(rawPhone);
        if (phone is null)
        {
            // The rejected value is not echoed: it may still be someone's real number, and this output ends up in logs.
            problem = rawPhone.Length == 0 ? "nomor telepon kosong" : "nomor telepon tidak valid (bukan nomor HP Indonesia)";
            return null;
        }

        if (!KodeWilayah.TryParse(Cell(RosterColumns.KodeWilayah), out var kode, out var level, out var kodeProblem))
        {
            problem = Cell(RosterColumns.KodeWilayah).Length == 0 ? "kode_wilayah kosong" : kodeProblem;
            return null;
        }

        var expected = Roster.Peran.LevelOf(peran);
        if (level != expected)
        {
            problem = $"peran {peran} memerlukan kode {LevelName(expected)} ({LevelPattern(expected)}), bukan kode {LevelName(level)}";
            return null;
        }

        var namaWilayah = Cell(RosterColumns.NamaWilayah);
        if (namaWilayah.Length is 0 or > 100)
        {
            problem = namaWilayah.Length == 0 ? "nama_wilayah kosong" : "nama_wilayah terlalu panjang";
            return null;
        }

        if (peran != Roster.Peran.Kader)
        {
            // Posyandu, opening day and bidang describe a kader's work; for officials they are not used.
            return new RosterRow(peran, nama, phone, kode, level, namaWilayah, null, null, null);
        }

        var posyandu = Cell(RosterColumns.Posyandu);
        if (posyandu.Length is 0 or > 100)
        {
            problem = posyandu.Length == 0 ? "nama posyandu kosong (wajib untuk KADER)" : "nama posyandu terlalu panjang";
            return null;
        }

        var rawHari = Cell(RosterColumns.HariBuka);
        if (!int.TryParse(rawHari, NumberStyles.None, CultureInfo.InvariantCulture, out var hariBuka) || hariBuka is < 1 or > 28)
        {
            problem = rawHari.Length == 0 ? "hari_buka kosong (wajib untuk KADER, 1–28)" : $"hari_buka '{rawHari}' harus angka 1–28";
            return null;
        }

        var rawBidang = Cell(RosterColumns.Bidang);
        string? bidang = null;
        if (rawBidang.Length > 0)
        {
            bidang = Conversation.Forms.Bidang.Find(rawBidang)?.Code;
            if (bidang is null)
            {
                problem = $"bidang '{rawBidang}' tidak dikenal (KS, PD, PU, PR, TR, SO atau kosong)";
                return null;
            }
        }

        return new RosterRow(peran, nama, phone, kode, level, namaWilayah, posyandu, hariBuka, bidang);
    }

    private static string LevelName(WilayahLevel level) => level switch
    {
        WilayahLevel.Kabupaten => "kabupaten",
        WilayahLevel.Kecamatan => "kecamatan",
        _ => "desa",
    };

    private static string LevelPattern(WilayahLevel level) => level switch
    {
        WilayahLevel.Kabupaten => "PP.KK",
        WilayahLevel.Kecamatan => "PP.KK.CC",
        _ => "PP.KK.CC.DDDD",
    };

    private static string Collapse(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
