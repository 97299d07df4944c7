using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Posyandu.Bot.Host.Channels.Simulator;

namespace Posyandu.Bot.Host.Tests.Simulator;

/// <summary>Drives the simulator's JSON API as the page does, and waits (bounded) for the bot's replies in the feed.</summary>
internal sealed class SimulatorClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public HttpClient Http => http;

    public async Task<SimulatorPerson[]> PeopleAsync() =>
        await http.GetFromJsonAsync<SimulatorPerson[]>("/simulator/api/people", Json) ?? [];

    public async Task<SimulatorPerson> PersonAsync(string nama) => (await PeopleAsync()).Single(p => p.Nama == nama);

    public Task<HttpResponseMessage> PostMessageAsync(object body) => http.PostAsJsonAsync("/simulator/api/message", body, Json);

    /// <summary>
    /// Every outbox row after <paramref name="after"/>, following the pages, as the page acting as <paramref name="viewer"/>
    /// sees them (confidential rows sealed unless they are the viewer's own).
    /// </summary>
    public async Task<List<SimulatorFeedItem>> FeedAsync(long after = 0, long? viewer = null)
    {
        var items = new List<SimulatorFeedItem>();
        var asViewer = viewer is null ? "" : FormattableString.Invariant($"&viewer={viewer}");
        while (true)
        {
            var page = await http.GetFromJsonAsync<SimulatorFeed>($"/simulator/api/feed?after={after}{asViewer}", Json);
            Assert.NotNull(page);
            items.AddRange(page.Items);
            if (!page.More || page.Items.Count == 0)
            {
                return items;
            }

            after = page.Items[^1].Id;
        }
    }

    public async Task<long> LastIdAsync() => (await FeedAsync()).Select(i => i.Id).DefaultIfEmpty(0).Max();

    /// <summary>Sends text as <paramref name="person"/> and returns the replies to their simulator chat, once delivered.</summary>
    public Task<IReadOnlyList<SimulatorFeedItem>> SayAsync(SimulatorPerson person, string text) =>
        ExchangeAsync(person, new { personId = person.Id, text });

    public Task<IReadOnlyList<SimulatorFeedItem>> PressAsync(SimulatorPerson person, string choiceData) =>
        ExchangeAsync(person, new { personId = person.Id, choiceData });

    public Task<IReadOnlyList<SimulatorFeedItem>> SendLocationAsync(SimulatorPerson person, double latitude, double longitude) =>
        ExchangeAsync(person, new { personId = person.Id, location = new { latitude, longitude } });

    public async Task<IReadOnlyList<SimulatorFeedItem>> SendPhotoAsync(SimulatorPerson person, byte[] photo, string fileName, string contentType)
    {
        var before = await LastIdAsync();
        using var response = await PostPhotoAsync(person.Id, photo, fileName, contentType);
        await AssertStatusAsync(HttpStatusCode.Accepted, response);
        return await RepliesAsync(person, before);
    }

    public async Task<HttpResponseMessage> PostPhotoAsync(long personId, byte[] photo, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(personId.ToString(CultureInfo.InvariantCulture)), "personId");
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await http.PostAsync("/simulator/api/photo", form);
    }

    /// <summary>Waits until <paramref name="match"/> holds for a row after <paramref name="after"/>, and returns it.</summary>
    public async Task<SimulatorFeedItem> WaitForAsync(long after, Func<SimulatorFeedItem, bool> match, string what, long? viewer = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        List<SimulatorFeedItem> seen;
        do
        {
            seen = await FeedAsync(after, viewer);
            var found = seen.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"No {what} within {Patience.TotalSeconds} s. Seen: {Describe(seen)}");
    }

    public static async Task AssertStatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
    }

    private async Task<IReadOnlyList<SimulatorFeedItem>> ExchangeAsync(SimulatorPerson person, object body)
    {
        var before = await LastIdAsync();
        using var response = await PostMessageAsync(body);
        await AssertStatusAsync(HttpStatusCode.Accepted, response);
        return await RepliesAsync(person, before);
    }

    // The replies are in the outbox once the post returns; waiting for "Sent" proves they went through the dispatcher
    // (Hangfire) and the simulator's sender like any channel's.
    private async Task<IReadOnlyList<SimulatorFeedItem>> RepliesAsync(SimulatorPerson person, long after)
    {
        var deadline = DateTime.UtcNow + Patience;
        List<SimulatorFeedItem> mine;
        do
        {
            mine = (await FeedAsync(after, person.Id)).Where(i => i.PersonId == person.Id && i.Channel == SimulatorSender.ChannelName).ToList();
            if (mine.Count > 0 && mine.All(i => i.Status == "Sent"))
            {
                return mine;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException(
            $"No delivered reply to {person.Nama} within {Patience.TotalSeconds} s. Seen: {Describe(mine)}");
    }

    private static string Describe(IEnumerable<SimulatorFeedItem> items) =>
        string.Join(" | ", items.Select(i => $"#{i.Id} {i.PersonName}/{i.Channel}/{i.Status}: {i.Text}"));
}
