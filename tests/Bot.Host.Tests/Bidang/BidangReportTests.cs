using System.Net;
using Posyandu.Bot.Host.Tests.Simulator;

namespace Posyandu.Bot.Host.Tests.Bidang;

/// <summary>
/// One report per bidang through the simulator channel's HTTP API, on one host: each alert reaches exactly the people
/// roster.md's routing table names for Desa Perian in the demo roster, primaries with the Terima button, copies without.
/// </summary>
public sealed class BidangReportTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    // Rina Marlina is a kader of Posyandu Melati, Desa Perian, with no bidang of her own: she may report any topic.
    private const string Kader = "Rina Marlina";

    [Theory]
    [InlineData("KS-BUMIL", "Ratna Sari", "Abdul Rahman|Nurhayati")]
    [InlineData("PD-ATS", "Yuliani", "Abdul Rahman")]
    [InlineData("PU-SARANA", "Darmawan|Abdul Rahman", "")]
    [InlineData("PR-RTLH", "Abdul Rahman|Yuliani", "Nurhayati")]
    [InlineData("TR-BENCANA", "Abdul Rahman|Joko Susilo|Andi Pratama|Samsul Bahri", "Nurhayati")]
    [InlineData("SO-KEKERASAN", "Dewi Lestari", "Abdul Rahman")]
    public async Task A_report_reaches_the_roles_routed_for_its_topic(string topic, string primaries, string copies)
    {
        var simulator = new SimulatorClient(host.CreateClient());
        var kader = await simulator.PersonAsync(Kader);

        var (number, before) = await SimulatorReport.SubmitAsync(simulator, kader, topic);

        var alerts = await AlertsAsync(simulator, before, number, kader.Id);
        Assert.Equal(Names(primaries).Concat(Names(copies)).Order(StringComparer.Ordinal), alerts.Select(a => a.PersonName!).Order(StringComparer.Ordinal));
        foreach (var alert in alerts)
        {
            var isPrimary = Names(primaries).Contains(alert.PersonName!);
            Assert.True(isPrimary == alert.Buttons.Any(b => b.Data.Contains(number, StringComparison.Ordinal)),
                $"{topic}: {alert.PersonName} is {(isPrimary ? "a primary without" : "a copy with")} the Terima button: {alert.Text}");
        }
    }

    [Fact]
    public async Task A_confidential_report_is_left_out_of_the_list_but_an_admin_key_reads_it_by_number()
    {
        var simulator = new SimulatorClient(host.CreateClient());
        var kader = await simulator.PersonAsync(Kader);
        const string Uraian = "Dipukul suaminya tadi malam";
        var (rentan, _) = await SimulatorReport.SubmitAsync(simulator, kader, "SO-RENTAN");
        var (kekerasan, before) = await SimulatorReport.SubmitAsync(simulator, kader, "SO-KEKERASAN", new Dictionary<string, string> { ["uraian"] = Uraian });

        // The Kepala Desa's copy says a confidential report exists, not what the kader wrote.
        var copy = (await AlertsAsync(simulator, before, kekerasan, kader.Id)).Single(a => a.PersonName == "Abdul Rahman");
        Assert.Contains("rahasia", copy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Uraian, copy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jl. Mawar", copy.Text, StringComparison.Ordinal);

        var list = await GetAsync("/api/reports?bidang=SO&pageSize=100", SimulatorHost.ApiKey);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(rentan, list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(kekerasan, list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Uraian, list.Body, StringComparison.Ordinal);

        var detail = await GetAsync($"/api/reports/{kekerasan}", SimulatorHost.ApiKey);
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Contains(kekerasan, detail.Body, StringComparison.Ordinal);
        Assert.Contains(Uraian, detail.Body, StringComparison.Ordinal);
        Assert.Contains("SO-KEKERASAN", detail.Body, StringComparison.Ordinal);

        foreach (var key in new string?[] { null, "kunci-yang-salah-0123456789abcdef0123456789" })
        {
            var refused = await GetAsync($"/api/reports/{kekerasan}", key);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            Assert.DoesNotContain(Uraian, refused.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_simulator_feed_shows_a_confidential_report_only_to_its_recipients()
    {
        var simulator = new SimulatorClient(host.CreateClient());
        var kader = await simulator.PersonAsync(Kader);
        var bystander = await simulator.PersonAsync("Siti Rahmah");
        const string Uraian = "Ditampar pamannya kemarin sore";
        var start = await simulator.LastIdAsync();
        var (kekerasan, before) = await SimulatorReport.SubmitAsync(simulator, kader, "SO-KEKERASAN", new Dictionary<string, string> { ["uraian"] = Uraian });
        var alerts = await AlertsAsync(simulator, before, kekerasan, kader.Id);

        // Nobody but the kader (her own dialog) and the named recipients (their alerts) reads what was reported.
        foreach (var viewer in new long?[] { null, bystander.Id })
        {
            var seen = await simulator.FeedAsync(start, viewer);
            Assert.DoesNotContain(seen, i => i.Text.Contains(Uraian, StringComparison.Ordinal) || i.Text.Contains(kekerasan, StringComparison.Ordinal));
            Assert.All(seen.Where(i => i.Confidential), i => Assert.True(i.Sealed && i.Buttons.Count == 0 && i.PhotoId is null));
            Assert.Contains(seen, i => i.Confidential && i.PersonId == kader.Id);
        }

        var ownDialog = (await simulator.FeedAsync(start, kader.Id)).Where(i => i.PersonId == kader.Id).ToList();
        Assert.Contains(ownDialog, i => i.Text.Contains(Uraian, StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.PersonName == "Dewi Lestari" && !a.Sealed && a.Text.Contains(kekerasan, StringComparison.Ordinal));
    }

    // The alerts of one report: every outbox row after the kader pressed kirim that names the number and is not for her,
    // each read as its own recipient would (a confidential alert is sealed to everyone else).
    private static async Task<List<Channels.Simulator.SimulatorFeedItem>> AlertsAsync(SimulatorClient simulator, long before, string number, long kaderId)
    {
        bool IsAlert(Channels.Simulator.SimulatorFeedItem i) => i.PersonId != kaderId && i.PersonId is not null && (i.Sealed || i.Text.Contains(number, StringComparison.Ordinal));
        await simulator.WaitForAsync(before, IsAlert, $"alert of {number}");
        var alerts = new List<Channels.Simulator.SimulatorFeedItem>();
        foreach (var row in (await simulator.FeedAsync(before)).Where(IsAlert))
        {
            var own = (await simulator.FeedAsync(row.Id - 1, row.PersonId)).First(i => i.Id == row.Id);
            if (own.Text.Contains(number, StringComparison.Ordinal))
            {
                alerts.Add(own);
            }
        }

        return alerts;
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string? key)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string[] Names(string list) => list.Length == 0 ? [] : list.Split('|');
}
