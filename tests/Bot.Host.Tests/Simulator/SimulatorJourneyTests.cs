using System.Text.RegularExpressions;
using Posyandu.Bot.Host.Channels.Simulator;

namespace Posyandu.Bot.Host.Tests.Simulator;

/// <summary>A kader reports a rumah tidak layak huni in the browser and the Kepala Desa acknowledges it there too.</summary>
[Collection(SimulatorHostDefinition.Name)]
public partial class SimulatorJourneyTests(SimulatorHost host)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Kader_StartsAnRtlhReport_AndSeesEachQuestion()
    {
        var simulator = new SimulatorClient(host.CreateClient());
        var wahyuni = await simulator.PersonAsync("Wahyuni");

        var menu = await simulator.SayAsync(wahyuni, "menu");
        Assert.Contains(menu, r => r.Buttons.Any(b => b.Data == "m:PR"));

        var topics = await simulator.PressAsync(wahyuni, "m:PR");
        Assert.Contains(topics, r => r.Buttons.Any(b => b.Data == "t:PR-RTLH"));

        var namaKk = await simulator.PressAsync(wahyuni, "t:PR-RTLH");
        Assert.Contains(namaKk, r => r.Text.Contains("kepala keluarga", StringComparison.OrdinalIgnoreCase));

        var nik = await simulator.SayAsync(wahyuni, "Budi Santoso");
        Assert.Contains(nik, r => r.Buttons.Any(b => b.Data == "g:lewati"));

        var penghuni = await simulator.SayAsync(wahyuni, "lewati");
        Assert.DoesNotContain(penghuni, r => r.Buttons.Any(b => b.Data == "g:lewati"));

        var bad = await simulator.SayAsync(wahyuni, "banyak sekali");
        Assert.Single(bad);

        await simulator.SayAsync(wahyuni, "6");
        var atap = await simulator.SayAsync(wahyuni, "30");
        Assert.Contains(atap, r => r.Buttons.Any(b => b.Data.StartsWith("c:atap:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WholeRtlhReport_AlertsTheKepalaDesa_WhoAcceptsIt_AndTheKaderIsTold()
    {
        var simulator = new SimulatorClient(host.CreateClient());
        var siti = await simulator.PersonAsync("Siti Rahmah");
        var kades = await simulator.PersonAsync("Abdul Rahman");

        await simulator.SayAsync(siti, "menu");
        await simulator.PressAsync(siti, "m:PR");
        await simulator.PressAsync(siti, "t:PR-RTLH");
        await simulator.SayAsync(siti, "Budi Santoso");
        await simulator.SayAsync(siti, "lewati");
        await simulator.SayAsync(siti, "6");
        await simulator.SayAsync(siti, "30");
        foreach (var choice in new[] { "c:atap:3", "c:dinding:3", "c:lantai:4", "c:struktur:2", "c:jamban:3", "c:air:3",
                     "c:listrik:1", "c:status_tanah:1", "c:penghasilan:1", "c:bantuan_sebelumnya:2" })
        {
            var next = await simulator.PressAsync(siti, choice);
            Assert.DoesNotContain(next, r => r.Buttons.Any(b => b.Data == choice));
        }

        await simulator.SayAsync(siti, "Jl. Melati No. 5, dekat masjid");
        var lokasi = await simulator.SayAsync(siti, "3/4");
        Assert.Contains(lokasi, r => r.Request == "location");
        await simulator.SendLocationAsync(siti, -0.3781, 116.4164);
        var fotoDiterima = await simulator.SendPhotoAsync(siti, Png, "rumah.png", "image/png");
        Assert.Contains(fotoDiterima, r => r.Text.Contains("selesai", StringComparison.OrdinalIgnoreCase));
        await simulator.SayAsync(siti, "selesai");
        var summary = await simulator.SayAsync(siti, "lewati");
        Assert.Contains(summary, r => r.Buttons.Any(b => b.Data == "g:kirim"));

        var lastBeforeSubmit = await simulator.LastIdAsync();
        var confirmation = await simulator.PressAsync(siti, "g:kirim");
        var number = confirmation.Select(r => ReportNumber().Match(r.Text)).First(m => m.Success).Value;

        // The alert to the Kepala Desa shows in the feed for him, with its Terima button, whatever his chat state.
        var alert = await simulator.WaitForAsync(lastBeforeSubmit,
            i => i.PersonId == kades.Id && i.Buttons.Any(b => b.Data.Contains(number, StringComparison.Ordinal)), "alert to the Kepala Desa");
        Assert.Contains(number, alert.Text, StringComparison.Ordinal);
        Assert.NotNull(alert.PhotoId);
        var terima = alert.Buttons.First(b => b.Data.Contains(number, StringComparison.Ordinal));

        // He opens the simulator as himself and presses Terima: the kader hears who accepted it.
        var lastBeforeTerima = await simulator.LastIdAsync();
        await simulator.PressAsync(kades, terima.Data);
        var notice = await simulator.WaitForAsync(lastBeforeTerima,
            i => i.PersonId == siti.Id && i.Text.Contains("Abdul Rahman", StringComparison.Ordinal), "notice to the kader");
        Assert.Contains(number, notice.Text, StringComparison.Ordinal);
        Assert.Equal(SimulatorSender.ChannelName, notice.Channel);
    }

    [GeneratedRegex(@"PR-\d{4}-\d{4}")]
    private static partial Regex ReportNumber();
}
