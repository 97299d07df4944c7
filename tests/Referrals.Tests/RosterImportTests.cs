using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

public class RosterImportTests
{
    private const string Header = "peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang";

    private static string DemoCsv => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "roster-demo.csv"));

    [Fact]
    public async Task Demo_roster_creates_every_person_area_and_posyandu()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var result = await host.ImportAsync(DemoCsv);

        Assert.Equal(20, result.Created);
        Assert.All(result.Lines, l => Assert.Equal(RosterLineOutcome.Created, l.Outcome));
        Assert.Equal(2, result.Lines[0].Line);

        await using var db = host.Db();
        var siti = await db.People.Include(p => p.Posyandu).SingleAsync(p => p.Phone == "+6281251234501");
        Assert.Equal(("KADER", "Siti Rahmah", "64.02.01.2001", "PR"), (siti.Peran, siti.Nama, siti.KodeWilayah, siti.Bidang));
        Assert.Equal(("Posyandu Melati", 12), (siti.Posyandu!.Nama, siti.Posyandu.HariBuka));
        Assert.Null((await db.People.SingleAsync(p => p.Phone == "+6281251234503")).Bidang);

        var areas = await db.Wilayah.OrderBy(w => w.Kode).ToListAsync();
        Assert.Equal(["64.02", "64.02.01", "64.02.01.2001", "64.02.01.2098"], areas.Select(a => a.Kode));
        Assert.Equal([WilayahLevel.Kabupaten, WilayahLevel.Kecamatan, WilayahLevel.Desa, WilayahLevel.Desa], areas.Select(a => a.Level));
        Assert.Equal("Muara Muntai", areas[1].Nama);
        Assert.Equal(2, await db.Posyandu.CountAsync());
        Assert.True(await host.Get<RosterImporter>().HasPeopleAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var again = await host.ImportAsync(DemoCsv);

        Assert.Equal(20, again.Unchanged);
        Assert.Equal(0, again.Created + again.Updated + again.Refused);
        await using var db = host.Db();
        Assert.Equal(20, await db.People.CountAsync());
        Assert.Equal(2, await db.Posyandu.CountAsync());
    }

    [Fact]
    public async Task Semicolon_file_with_bom_and_excel_quirks_is_read()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var csv = "\uFEFFperan;nama;telepon;kode_wilayah;nama_wilayah;posyandu;hari_buka;bidang\r\n"
                  + "kader; Siti  Rahmah ;+62 812 5123 4501;6402012001;Perian;Posyandu Melati;12;pr\r\n"
                  + "KASI KESRA;\"Yuliani, S.Sos\";813-5111-0002;64.02.01.2001;Perian;;;\r\n"
                  + ";;;;;;;\r\n";
        var result = await host.ImportAsync(csv);

        Assert.Equal([RosterLineOutcome.Created, RosterLineOutcome.Created], result.Lines.Select(l => l.Outcome));
        await using var db = host.Db();
        var people = await db.People.OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(("KADER", "Siti Rahmah", "+6281251234501", "64.02.01.2001", "PR"), (people[0].Peran, people[0].Nama, people[0].Phone, people[0].KodeWilayah, people[0].Bidang));
        Assert.Equal(("KASI_KESRA", "Yuliani, S.Sos", "+6281351110002"), (people[1].Peran, people[1].Nama, people[1].Phone));
    }

    [Theory]
    [InlineData("KADER,Budi,0812-ABC,64.02.01.2001,Perian,Posyandu Melati,12,", "nomor telepon tidak valid")]
    [InlineData("KADER,Budi,0211234567,64.02.01.2001,Perian,Posyandu Melati,12,", "nomor telepon tidak valid")]
    [InlineData("KADER,Budi,,64.02.01.2001,Perian,Posyandu Melati,12,", "nomor telepon kosong")]
    [InlineData("KEPALA,Budi,0812-5123-9999,64.02.01.2001,Perian,,,", "peran 'KEPALA' tidak dikenal")]
    [InlineData("KADER,Budi,0812-5123-9999,64.2.1.2001,Perian,Posyandu Melati,12,", "tidak sesuai format")]
    [InlineData("KADER,Budi,0812-5123-9999,99.02.01.2001,Perian,Posyandu Melati,12,", "kode provinsi 99 tidak dikenal")]
    [InlineData("KADER,Budi,0812-5123-9999,64.02.01.3001,Perian,Posyandu Melati,12,", "diawali 1 (kelurahan) atau 2 (desa)")]
    [InlineData("KADES,Budi,0812-5123-9999,64.02.01,Muara Muntai,,,", "peran KADES memerlukan kode desa")]
    [InlineData("CAMAT,Budi,0812-5123-9999,64.02.01.2001,Perian,,,", "peran CAMAT memerlukan kode kecamatan")]
    [InlineData("KADER,Budi,0812-5123-9999,64.02.01.2001,Perian,Posyandu Melati,0,", "hari_buka '0' harus angka 1–28")]
    [InlineData("KADER,Budi,0812-5123-9999,64.02.01.2001,Perian,Posyandu Melati,29,", "hari_buka '29' harus angka 1–28")]
    [InlineData("KADER,Budi,0812-5123-9999,64.02.01.2001,Perian,Posyandu Melati,tiap tgl 5,", "hari_buka 'tiap tgl 5' harus angka 1–28")]
    [InlineData("KADER,Budi,0812-5123-9999,64.02.01.2001,Perian,Posyandu Melati,,", "hari_buka kosong")]
    [InlineData("KADER,Budi,0812-5123-9999,64.02.01.2001,Perian,,12,", "nama posyandu kosong")]
    [InlineData("KADER,Budi,0812-5123-9999,64.02.01.2001,Perian,Posyandu Melati,12,XX", "bidang 'XX' tidak dikenal")]
    [InlineData("KADER,,0812-5123-9999,64.02.01.2001,Perian,Posyandu Melati,12,", "nama kosong")]
    public async Task A_bad_line_is_refused_with_its_reason_and_the_rest_imported(string bad, string reason)
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var csv = $"{Header}\n{bad}\nKADES,Abdul Rahman,0813-5111-0001,64.02.01.2001,Perian,,,\n";
        var result = await host.ImportAsync(csv);

        var refused = Assert.Single(result.Lines, l => l.Outcome == RosterLineOutcome.Refused);
        Assert.Equal(2, refused.Line);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(RosterLineOutcome.Created, result.Lines.Single(l => l.Line == 3).Outcome);
        await using var db = host.Db();
        Assert.Equal(["Abdul Rahman"], await db.People.Select(p => p.Nama).ToListAsync());
        Assert.False(await db.Posyandu.AnyAsync(), "A refused line must leave nothing behind (no half-imported Posyandu).");
    }

    [Fact]
    public async Task Refusal_of_a_bad_phone_does_not_echo_the_number()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var result = await host.ImportAsync($"{Header}\nKADES,Budi,0812-5123-45,64.02.01.2001,Perian,,,\n");
        Assert.DoesNotContain("0812-5123-45", Assert.Single(result.Lines).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_contradicting_earlier_lines_of_the_file_are_refused()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var csv = $"""
            {Header}
            KADER,Siti Rahmah,0812-5123-4501,64.02.01.2001,Perian,Posyandu Melati,12,PR
            KADER,Siti Kembar,0812-5123-4501,64.02.01.2001,Perian,Posyandu Melati,12,PR
            KADER,Nur Aisyah,0812-5123-4502,64.02.01.2001,Perian Ilir,Posyandu Melati,12,KS
            KADER,Rina Marlina,0812-5123-4503,64.02.01.2001,Perian,Posyandu Melati,15,
            """;
        var result = await host.ImportAsync(csv);

        Assert.Equal(RosterLineOutcome.Created, result.Lines[0].Outcome);
        Assert.Contains("nomor telepon sama dengan baris 2", result.Lines[1].Message, StringComparison.Ordinal);
        Assert.Contains("nama_wilayah 'Perian Ilir' berbeda dengan baris 2", result.Lines[2].Message, StringComparison.Ordinal);
        Assert.Contains("hari_buka 15 berbeda dengan baris 2 (12)", result.Lines[3].Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Refused);
    }

    [Fact]
    public async Task A_changed_row_updates_that_person_only()
    {
        await using var host = await TestHost.StartAsync();
        var changed = DemoCsv
            .Replace("KADER,Siti Rahmah,0812-5123-4501,64.02.01.2001,Perian,Posyandu Melati,12,PR", "KADER,Siti Rahmah Dewi,0812-5123-4501,64.02.01.2001,Perian,Posyandu Melati,12,KS", StringComparison.Ordinal)
            .Replace("KADER,Wahyuni,0812-5123-4504,64.02.01.2098,Sukamaju,Posyandu Mawar,5,", "KADER,Wahyuni,0812-5123-4504,64.02.01.2098,Sukamaju,Posyandu Mawar,7,", StringComparison.Ordinal);
        var result = await host.ImportAsync(changed);

        var siti = Assert.Single(result.Lines, l => l.Name == "Siti Rahmah Dewi");
        Assert.Equal(RosterLineOutcome.Updated, siti.Outcome);
        Assert.Equal("diperbarui: nama, bidang", siti.Message);
        var wahyuni = Assert.Single(result.Lines, l => l.Name == "Wahyuni");
        Assert.Equal(RosterLineOutcome.Updated, wahyuni.Outcome);
        Assert.Contains("hari buka Posyandu Mawar diubah dari 5 menjadi 7", wahyuni.Message, StringComparison.Ordinal);
        Assert.Equal(18, result.Unchanged);

        await using var db = host.Db();
        Assert.Equal(20, await db.People.CountAsync());
        var person = await db.People.SingleAsync(p => p.Phone == "+6281251234501");
        Assert.Equal(("Siti Rahmah Dewi", "KS"), (person.Nama, person.Bidang));
        Assert.Equal(7, (await db.Posyandu.SingleAsync(p => p.Nama == "Posyandu Mawar")).HariBuka);
    }

    [Fact]
    public async Task A_district_sized_roster_imports_whole_and_a_second_run_changes_nothing()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var lines = GeneratedRoster(20_000);
        var first = await host.ImportAsync(string.Join('\n', lines));

        Assert.Equal(20_000, first.Created);
        Assert.Equal(Enumerable.Range(2, 20_000), first.Lines.Select(l => l.Line));
        var again = await host.ImportAsync(string.Join('\n', lines));
        Assert.Equal(20_000, again.Unchanged);

        // A kader far past the first save moves to a Posyandu no earlier line named.
        lines[15_002] = lines[15_002].Replace(",Posyandu 1,5,", ",Posyandu Baru,9,", StringComparison.Ordinal);
        var moved = await host.ImportAsync(string.Join('\n', lines));
        var line = Assert.Single(moved.Lines, l => l.Outcome != RosterLineOutcome.Unchanged);
        Assert.Equal((15_003, RosterLineOutcome.Updated, "diperbarui: posyandu"), (line.Line, line.Outcome, line.Message));

        await using var db = host.Db();
        Assert.Equal((20_000, 800, 2_401), (await db.People.CountAsync(), await db.Wilayah.CountAsync(), await db.Posyandu.CountAsync()));
        var kader = await db.People.Include(p => p.Posyandu).SingleAsync(p => p.Nama == "Kader 15001");
        Assert.Equal(("Posyandu Baru", 9, "64.04.01.2001"), (kader.Posyandu!.Nama, kader.Posyandu.HariBuka, kader.Posyandu.DesaKode));
        var last = await db.People.Include(p => p.Posyandu).SingleAsync(p => p.Nama == "Kader 19999");
        Assert.Equal(("Posyandu 3", "64.04.10.2020"), (last.Posyandu!.Nama, last.KodeWilayah));
    }

    /// <summary>
    /// A header and <paramref name="count"/> lines: desa of 25 people (a Kepala Desa, then 8 kader in each of 3 Posyandu),
    /// 20 desa to a kecamatan, 10 kecamatan to a kabupaten.
    /// </summary>
    private static string[] GeneratedRoster(int count)
    {
        var lines = new string[count + 1];
        lines[0] = Header;
        for (var i = 0; i < count; i++)
        {
            var desa = i / 25;
            var kode = $"64.{desa / 200 + 1:D2}.{desa / 20 % 10 + 1:D2}.2{desa % 20 + 1:D3}";
            var phone = $"08135{i:D7}";
            var posyandu = (i % 25 - 1) / 8 + 1;
            lines[i + 1] = i % 25 == 0
                ? $"KADES,Kades {desa},{phone},{kode},Desa {desa},,,"
                : $"KADER,Kader {i},{phone},{kode},Desa {desa},Posyandu {posyandu},{posyandu * 5},";
        }

        return lines;
    }

    [Fact]
    public async Task A_file_without_a_required_column_imports_nothing()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        var result = await host.ImportAsync("peran,nama,kode_wilayah,nama_wilayah\nKADES,Budi,64.02.01.2001,Perian\n");

        var line = Assert.Single(result.Lines);
        Assert.Equal(RosterLineOutcome.Refused, line.Outcome);
        Assert.Contains("kolom wajib tidak ada: telepon", line.Message, StringComparison.Ordinal);
        Assert.False(await host.Get<RosterImporter>().HasPeopleAsync(CancellationToken.None));

        Assert.Equal(RosterLineOutcome.Refused, Assert.Single((await host.ImportAsync("")).Lines).Outcome);
    }

    [Theory]
    [InlineData("64.02.01.2001", "Asia/Makassar", 8)]
    [InlineData("31.71", "Asia/Jakarta", 7)]
    [InlineData("12.01.01", "Asia/Jakarta", 7)]
    [InlineData("51.03.01.1001", "Asia/Makassar", 8)]
    [InlineData("73.71.01.1001", "Asia/Makassar", 8)]
    [InlineData("81.01.01.2001", "Asia/Jayapura", 9)]
    [InlineData("94.01", "Asia/Jayapura", 9)]
    [InlineData("62.01", "Asia/Jakarta", 7)]
    public void Time_zone_follows_the_province(string kode, string zone, int hours)
    {
        var tz = WilayahTimeZone.For(kode);
        Assert.Equal(zone, tz.Id);
        Assert.Equal(TimeSpan.FromHours(hours), tz.GetUtcOffset(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
