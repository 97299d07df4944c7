using System.Text.Json.Nodes;
using Posyandu.Bot.Host.Cli;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Cli;

/// <summary>
/// <c>routing import FILE.csv</c> in the running host: one line per CSV line and a total, the same file again changes
/// nothing, and a report a kader then sends on Telegram reaches the officials the file names instead of the defaults.
/// </summary>
public sealed class RoutingImportCommandTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Fact]
    public async Task An_imported_override_routes_the_next_report_and_shows_in_the_gaps()
    {
        // Perian's RTLH reports go to its Bidan Desa instead of the Kepala Desa and the Kasi Kesra; Sukamaju's to a
        // Bidan Desa it does not have.
        var csv = await WriteAsync("rute.csv", """
            kode_desa;topik;jenis;peran
            64.02.01.2001;PR-RTLH;utama;BIDAN_DESA
            64.02.01.2098;pr-rtlh;utama;bidan desa
            64.02.01.2001;PR-RTLH;utama;KADES
            64.02.01.2001;PR-LAIN;utama;KADES
            """);

        var (exit, lines) = await RunAsync(csv);

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "baris 2: dibuat — 64.02.01.2001 PR-RTLH utama: BIDAN_DESA (bawaan: KADES, KASI_KESRA)",
                "baris 3: dibuat — 64.02.01.2098 PR-RTLH utama: BIDAN_DESA (bawaan: KADES, KASI_KESRA)",
                "baris 4: DITOLAK — desa, topik dan jenis sama dengan baris 2",
                "baris 5: DITOLAK — topik 'PR-LAIN' tidak dikenal (misalnya PR-RTLH, KS-BALITA)",
                "Jumlah: 4 baris; 2 dibuat, 0 diperbarui, 0 dihapus, 0 tidak berubah, 2 ditolak",
            ],
            lines);
        var (_, again) = await RunAsync(csv);
        Assert.Equal("Jumlah: 4 baris; 0 dibuat, 0 diperbarui, 0 dihapus, 2 tidak berubah, 2 ditolak", again[^1]);

        await _host.LinkAsync(TelegramUser.RatnaSari);
        await _host.LinkAsync(TelegramUser.AbdulRahman);
        var bidanBefore = _host.BotApi.SentTo(TelegramUser.RatnaSari.ChatId).Count;
        var number = await RtlhJourney.ReportAsync(_host, TelegramUser.Siti);

        var alerts = await _host.RepliesAfterAsync(TelegramUser.RatnaSari, bidanBefore);
        Assert.Contains(alerts, m => m.Text.Contains(number, StringComparison.Ordinal));
        await _host.SettledAsync(TelegramUser.AbdulRahman);
        Assert.DoesNotContain(_host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId), m => m.Text.Contains(number, StringComparison.Ordinal));
        var report = await _host.GetJsonAsync($"/api/reports/{number}");
        var recipients = report["referral"]!["recipients"]!.AsArray().Select(r => ((string?)r!["nama"], (string?)r["kind"])).ToList();
        Assert.Equal([("Ratna Sari", "PRIMARY"), ("Nurhayati", "COPY")], recipients);

        // The gaps: Sukamaju now lacks the Bidan Desa its RTLH reports name (they fall back to its Kepala Desa).
        var gaps = (await _host.GetJsonAsync("/api/routing/gaps?area=64.02.01.2098")).AsArray()
            .Select(g => g!["gap"]!).Where(g => (string?)g["topic"] == "PR-RTLH" && (string?)g["kind"] == "PRIMARY")
            .Select(g => ((string?)g["role"], string.Join(",", g["fallsBackTo"]!.AsArray().Select(r => (string?)r)))).ToList();
        Assert.Equal([("BIDAN_DESA", "KADES")], gaps);
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task A_missing_file_exits_with_1_and_says_so()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RoutingImportCommand.RunAsync(_host.Services, Path.Combine(_host.Folder, "tidak-ada.csv"), output, error, CancellationToken.None);

        Assert.Equal(CliImport.Unreadable, exit);
        Assert.StartsWith("Berkas rute tidak dapat dibaca: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("tidak-ada.csv (berkas tidak ada)", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_host.Folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private async Task<(int Exit, List<string> Lines)> RunAsync(string csv)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RoutingImportCommand.RunAsync(_host.Services, csv, output, error, CancellationToken.None);
        Assert.Empty(error.ToString());
        return (exit, [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))]);
    }

    public void Dispose() => _host.Dispose();
}
