using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary>The JSON API's gate (X-Api-Key, constant-time, refused when no key is configured) and its answers to bad input.</summary>
public sealed class ReportsApiTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Theory]
    [InlineData("/api/reports", null)]
    [InlineData("/api/reports", "")]
    [InlineData("/api/reports", "wrong-key-wrong-key")]
    [InlineData("/api/reports", TelegramTestHost.ApiKey + " ")]
    [InlineData("/api/reports/PR-2511-0001", "nope")]
    [InlineData("/api/media/0123456789abcdef0123456789abcdef.jpg", null)]
    public async Task Without_the_right_key_the_api_is_refused(string path, string? key)
    {
        using var response = await _host.GetApiAsync(path, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_no_key_configured_the_api_is_refused_even_for_an_empty_key()
    {
        using var host = new TelegramTestHost(new Dictionary<string, string?> { ["Admin:ApiKey"] = "" });

        using var empty = await host.GetApiAsync("/api/reports", "");
        using var any = await host.GetApiAsync("/api/reports", "anything-at-all-here");

        Assert.Equal(HttpStatusCode.Unauthorized, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, any.StatusCode);
    }

    [Fact]
    public async Task An_empty_database_lists_no_reports()
    {
        var page = await _host.GetJsonAsync("/api/reports?status=Terkirim&since=2025-01-01&page=1&pageSize=10");

        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, (int)page["total"]!);
        Assert.Equal(10, (int)page["pageSize"]!);
    }

    [Theory]
    [InlineData("/api/reports?since=kemarin")]
    [InlineData("/api/reports?since=2025-13-45")]
    [InlineData("/api/reports?page=0")]
    [InlineData("/api/reports?pageSize=-5")]
    [InlineData("/api/reports?page=dua")]
    public async Task Bad_query_values_are_a_bad_request_with_a_reason(string path)
    {
        using var response = await _host.GetApiAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrWhiteSpace((string?)body!["error"]));
    }

    [Theory]
    [InlineData("/api/reports/PR-2511-9999")]
    [InlineData("/api/media/0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("/api/media/..%2F..%2Fposyandu.db")]
    [InlineData("/api/media/posyandu.db")]
    public async Task Unknown_reports_and_photos_are_not_found(string path)
    {
        using var response = await _host.GetApiAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
