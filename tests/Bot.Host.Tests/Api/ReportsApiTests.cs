using System.Net;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary>
/// The JSON API through the real pipeline: its gate (X-Api-Key, constant-time, refused when no key is configured), one
/// casing for every enum value, and a problem answer naming the parameter for every hostile or malformed request.
/// </summary>
[Collection(ReportedHostDefinition.Name)]
public sealed class ReportsApiTests(ReportedHost reported)
{
    private TelegramTestHost Host => reported.Host;

    [Theory]
    [InlineData("/api/reports", null)]
    [InlineData("/api/reports", "")]
    [InlineData("/api/reports", "wrong-key-wrong-key")]
    [InlineData("/api/reports", TelegramTestHost.ApiKey + " ")]
    [InlineData("/api/reports.csv", null)]
    [InlineData("/api/reports/PR-2511-0001", "nope")]
    [InlineData("/api/media/0123456789abcdef0123456789abcdef.jpg", null)]
    public async Task Without_the_right_key_the_api_is_refused_with_a_problem(string path, string? key)
    {
        using var response = await Host.GetApiAsync(path, key);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", (string?)problem["detail"], StringComparison.Ordinal);
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
    public async Task Enum_values_have_one_casing_and_filters_accept_any_case()
    {
        var upper = await Host.GetJsonAsync("/api/reports?bidang=PR&status=TERKIRIM&since=2025-01-01&page=1&pageSize=10");
        var lower = await Host.GetJsonAsync("/api/reports?bidang=pr&status=terkirim&desa=perian");

        Assert.Equal(upper["items"]!.ToJsonString(), lower["items"]!.ToJsonString());
        var item = Assert.Single(upper["items"]!.AsArray())!;
        Assert.Equal((reported.Number, "PR", "TERKIRIM", "SEGERA"), ((string?)item["number"], (string?)item["bidang"], (string?)item["status"], (string?)item["urgency"]));
        Assert.Equal(10, (int)upper["pageSize"]!);

        var detail = await Host.GetJsonAsync($"/api/reports/{reported.Number.ToLowerInvariant()}");
        Assert.Equal("SEGERA", (string?)detail["urgency"]);
        Assert.Equal("TERKIRIM", (string?)detail["referral"]!["status"]);
        Assert.All(detail["referral"]!["timeline"]!.AsArray(), e => Assert.Matches("^[A-Z_]+$", (string?)e!["kind"]));
        Assert.All(detail["referral"]!["recipients"]!.AsArray(), r => Assert.Matches("^[A-Z_]+$", (string?)r!["kind"]));
    }

    [Theory]
    [InlineData("/api/reports?page=107374184")]
    [InlineData("/api/reports?page=2147483647&pageSize=100")]
    [InlineData("/api/reports?page=2")]
    [InlineData("/api/reports?status=SELESAI")]
    [InlineData("/api/reports?bidang=KS")]
    [InlineData("/api/reports?desa=Sukamaju")]
    [InlineData("/api/reports?since=2099-01-01T00:00:00Z")]
    public async Task A_page_beyond_the_last_or_a_filter_matching_nothing_is_an_empty_page(string path)
    {
        var page = await Host.GetJsonAsync(path);

        Assert.Empty(page["items"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/reports?page=0", "page")]
    [InlineData("/api/reports?page=-1", "page")]
    [InlineData("/api/reports?page=dua", "page")]
    [InlineData("/api/reports?page=99999999999", "page")]
    [InlineData("/api/reports?page=1.5", "page")]
    [InlineData("/api/reports?pageSize=0", "pageSize")]
    [InlineData("/api/reports?pageSize=-5", "pageSize")]
    [InlineData("/api/reports?pageSize=101", "pageSize")]
    [InlineData("/api/reports?bidang=XX", "bidang")]
    [InlineData("/api/reports?status=TERHAPUS", "status")]
    [InlineData("/api/reports?status=0", "status")]
    [InlineData("/api/reports?status=Terkirim,Diterima", "status")]
    [InlineData("/api/reports?since=kemarin", "since")]
    [InlineData("/api/reports?since=2025-13-45", "since")]
    [InlineData("/api/reports?since=11/01/2025", "since")]
    [InlineData("/api/reports.csv?bidang=%3DCMD()", "bidang")]
    [InlineData("/api/reports.csv?status=semua", "status")]
    [InlineData("/api/reports.csv?since=0", "since")]
    public async Task A_bad_query_value_is_a_problem_naming_the_parameter(string path, string parameter)
    {
        using var response = await Host.GetApiAsync(path);

        await Problems.AssertBadParameterAsync(response, parameter);
    }

    [Theory]
    [InlineData("/api/reports/PR-2511-9999")]
    [InlineData("/api/reports/%20")]
    [InlineData("/api/media/0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("/api/media/..%2F..%2Fposyandu.db")]
    [InlineData("/api/media/posyandu.db")]
    [InlineData("/api/tidak-ada")]
    public async Task Unknown_reports_photos_and_paths_are_a_not_found_problem(string path)
    {
        using var response = await Host.GetApiAsync(path);

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_failure_inside_is_a_500_problem_without_a_stack_trace()
    {
        using var host = new TelegramTestHost();
        _ = host.Services;
        await Eventually.True(() => BrokenDatabase.Break(host.Folder), "the database file replaced by a folder");

        using var response = await host.GetApiAsync("/api/reports");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        var text = problem.ToJsonString();
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Folder, text, StringComparison.Ordinal);
    }
}
