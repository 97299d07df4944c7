using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Cli;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.People;

namespace Posyandu.Bot.Host.Tests.Cli;

/// <summary><c>roster import FILE.csv</c> in-process: one line per CSV line, phones masked, a total, and the exit code.</summary>
public sealed class RosterImportCommandTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Fact]
    public async Task Prints_one_line_per_csv_line_with_masked_phones_and_a_total()
    {
        var csv = Path.Combine(_host.Folder, "roster.csv");
        await File.WriteAllTextAsync(csv, """
            peran;nama;telepon;kode_wilayah;nama_wilayah;posyandu;hari_buka;bidang
            KADER;Siti Rahmah;0812-5123-4501;64.02.01.2001;Perian;Posyandu Melati;12;PR
            KADER;Dewi Sartika;0812-5123-4599;64.02.01.2001;Perian;Posyandu Melati;12;KS
            BUPATI;Orang Penting;0812-5123-4598;64.02;Kutai Kartanegara;;;
            KADER;Nomor Salah;12345;64.02.01.2001;Perian;Posyandu Melati;12;
            """);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RosterImportCommand.RunAsync(_host.Services, csv, output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(5, lines.Count);
        Assert.StartsWith("baris 2: tidak berubah Siti Rahmah", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("baris 3: dibuat Dewi Sartika", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("baris 4: DITOLAK", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("baris 5: DITOLAK", lines[3], StringComparison.Ordinal);
        Assert.Equal("Jumlah: 4 baris; 1 dibuat, 0 diperbarui, 1 tidak berubah, 2 ditolak", lines[4]);
        Assert.DoesNotContain("51234599", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("5123-4599", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());

        var people = await _host.Services.GetRequiredService<PeopleQueries>().ListAsync(CancellationToken.None);
        Assert.Contains(people, p => p.Nama == "Dewi Sartika");
        Assert.DoesNotContain(people, p => p.Nama == "Orang Penting");
    }

    [Fact]
    public async Task A_missing_file_exits_with_1_and_says_so()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RosterImportCommand.RunAsync(_host.Services, Path.Combine(_host.Folder, "tidak-ada.csv"), output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("tidak-ada.csv", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    public void Dispose() => _host.Dispose();
}
