using System.Text.Json.Nodes;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary>
/// One Telegram test host shared by the API tests that read reports: Siti has walked the RTLH form on Telegram, so the
/// database holds one real report with two photos and a referral. The tests only read.
/// </summary>
public sealed class ReportedHost : IAsyncLifetime
{
    public TelegramTestHost Host { get; } = new();

    public string Number { get; private set; } = "";

    public string PhotoId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Number = await RtlhJourney.ReportAsync(Host, TelegramUser.Siti);
        var report = await Host.GetJsonAsync($"/api/reports/{Number}");
        PhotoId = (string)report["photos"]!.AsArray()[0]!;
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The API tests that share <see cref="ReportedHost"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ReportedHostDefinition : ICollectionFixture<ReportedHost>
{
    public const string Name = "Host with one report";
}
