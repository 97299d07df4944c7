using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Posyandu.Bot.Host.Channels.Simulator;

namespace Posyandu.Bot.Host.Tests.Simulator;

[Collection(SimulatorHostDefinition.Name)]
public class SimulatorApiTests(SimulatorHost host)
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task People_AreTheDemoRosterWithIndonesianRoleNames()
    {
        var simulator = new SimulatorClient(host.CreateClient());

        var people = await simulator.PeopleAsync();

        Assert.Equal(20, people.Length);
        var siti = Assert.Single(people, p => p.Nama == "Siti Rahmah");
        Assert.Equal(("KADER", "Kader", "Perian", "64.02.01.2001", "Posyandu Melati"),
            (siti.Peran, siti.PeranLabel, siti.NamaWilayah, siti.KodeWilayah, siti.Posyandu));
        var kades = Assert.Single(people, p => p.Nama == "Abdul Rahman");
        Assert.Equal(("KADES", "Kepala Desa", "Perian"), (kades.Peran, kades.PeranLabel, kades.NamaWilayah));
        Assert.Contains(people, p => p is { Nama: "Muhammad Yusuf", Peran: "CAMAT", NamaWilayah: "Muara Muntai" });
    }

    [Theory]
    [InlineData("application/json", """{"personId": 999999, "text": "menu"}""", SimulatorTexts.UnknownPerson)]
    [InlineData("application/json", """{"text": "menu"}""", SimulatorTexts.UnknownPerson)]
    [InlineData("application/json", """{"personId": {id}}""", SimulatorTexts.EmptyMessage)]
    [InlineData("application/json", """{"personId": {id}, "text": "   "}""", SimulatorTexts.EmptyMessage)]
    [InlineData("application/json", """{"personId": {id}, "text": "ya", "choiceData": "c:listrik:1"}""", SimulatorTexts.OneKindOnly)]
    [InlineData("application/json", """{"personId": {id}, "location": {"latitude": 95, "longitude": 116}}""", SimulatorTexts.BadLocation)]
    [InlineData("application/json", """{"personId": {id}, "text": "menu" """, SimulatorTexts.UnreadableJson)]
    [InlineData("application/json", """{"personId": "Siti", "text": "menu"}""", SimulatorTexts.UnreadableJson)]
    [InlineData("application/json", "null", SimulatorTexts.UnreadableJson)]
    [InlineData("application/json", "", SimulatorTexts.UnreadableJson)]
    [InlineData("text/plain", "menu", SimulatorTexts.NotJson)]
    public async Task BadMessages_Get400WithAReason_AndChangeNothing(string contentType, string body, string reason)
    {
        var simulator = new SimulatorClient(host.CreateClient());
        var siti = await simulator.PersonAsync("Siti Rahmah");
        var before = await simulator.LastIdAsync();

        using var content = new StringContent(body.Replace("{id}", siti.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), Encoding.UTF8, contentType);
        using var response = await simulator.Http.PostAsync("/simulator/api/message", content);

        await SimulatorClient.AssertStatusAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(reason, (await response.Content.ReadFromJsonAsync<SimulatorError>())?.Error);
        Assert.Equal(before, await simulator.LastIdAsync());
    }

    [Fact]
    public async Task BadPhotos_Get400WithAReason_AndStoreNothing()
    {
        var simulator = new SimulatorClient(host.CreateClient());
        var siti = await simulator.PersonAsync("Siti Rahmah");
        var before = await simulator.LastIdAsync();
        var storedBefore = StoredPhotos();

        await AssertRefusedAsync(await simulator.PostPhotoAsync(siti.Id, "<html><script>alert(1)</script></html>"u8.ToArray(), "foto.jpg", "image/jpeg"),
            SimulatorTexts.NotAnImage);
        await AssertRefusedAsync(await simulator.PostPhotoAsync(siti.Id, [], "foto.png", "image/png"), SimulatorTexts.EmptyPhoto);
        await AssertRefusedAsync(await simulator.PostPhotoAsync(999999, Png, "foto.png", "image/png"), SimulatorTexts.UnknownPerson);
        await AssertRefusedAsync(await simulator.PostPhotoAsync(siti.Id, new byte[(10 * 1024 * 1024) + 1], "besar.jpg", "image/jpeg"),
            SimulatorTexts.PhotoTooLarge);
        using (var noFile = new MultipartFormDataContent { { new StringContent(siti.Id.ToString(CultureInfo.InvariantCulture)), "personId" } })
        {
            await AssertRefusedAsync(await simulator.Http.PostAsync("/simulator/api/photo", noFile), SimulatorTexts.NoPhoto);
        }

        await AssertRefusedAsync(await simulator.Http.PostAsJsonAsync("/simulator/api/photo", new { personId = siti.Id }), SimulatorTexts.NotForm);

        Assert.Equal(before, await simulator.LastIdAsync());
        Assert.Equal(storedBefore, StoredPhotos());
    }

    [Theory]
    [InlineData("/simulator/api/feed?after=abc", HttpStatusCode.BadRequest)]
    [InlineData("/simulator/api/feed?after=-1", HttpStatusCode.BadRequest)]
    [InlineData("/simulator/api/media/..%2F..%2Fposyandu.db", HttpStatusCode.BadRequest)]
    [InlineData("/simulator/api/media/00000000000000000000000000000000.png", HttpStatusCode.NotFound)]
    public async Task BadReads_AreRefusedWithoutAnError(string url, HttpStatusCode expected)
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync(url);

        await SimulatorClient.AssertStatusAsync(expected, response);
    }

    [Fact]
    public async Task Photo_IsStoredHandedToTheBot_AndServedBack()
    {
        var simulator = new SimulatorClient(host.CreateClient());
        var nur = await simulator.PersonAsync("Nur Aisyah");
        var before = await simulator.LastIdAsync();

        using var response = await simulator.PostPhotoAsync(nur.Id, Png, "rumah.png", "image/png");
        await SimulatorClient.AssertStatusAsync(HttpStatusCode.Accepted, response);
        var mediaId = (await response.Content.ReadFromJsonAsync<SimulatorAccepted>())?.MediaId;

        Assert.NotNull(mediaId);
        Assert.EndsWith(".png", mediaId, StringComparison.Ordinal);
        using var served = await simulator.Http.GetAsync($"/simulator/api/media/{mediaId}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        // The photo went into the inbound pipeline as a message from her: the bot answered her simulator chat.
        await simulator.WaitForAsync(before, i => i.PersonId == nur.Id && i.Channel == SimulatorSender.ChannelName && i.Status == "Sent",
            "delivered reply to Nur Aisyah");
    }

    private int StoredPhotos() =>
        Directory.Exists(host.MediaFolder) ? Directory.EnumerateFiles(host.MediaFolder, "*", SearchOption.AllDirectories).Count() : 0;

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        using (response)
        {
            await SimulatorClient.AssertStatusAsync(HttpStatusCode.BadRequest, response);
            Assert.Equal(reason, (await response.Content.ReadFromJsonAsync<SimulatorError>())?.Error);
        }
    }
}
