using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary>
/// The OpenAPI document describes the whole API: every <c>/api</c> endpoint the app maps (a new one without a description
/// fails here), the ApiKey scheme on each, and the allowed values of every enum in the one casing. It and the docs page
/// need no key.
/// </summary>
[Collection(ReportedHostDefinition.Name)]
public sealed class OpenApiDocumentTests(ReportedHost reported)
{
    private TelegramTestHost Host => reported.Host;

    [Fact]
    public async Task The_document_lists_every_mapped_api_endpoint_behind_the_key()
    {
        var document = await DocumentAsync();
        var described = new HashSet<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                described.Add($"{method.ToUpperInvariant()} {path}");
                var security = operation!["security"]!.AsArray();
                Assert.Contains(security, s => s!.AsObject().ContainsKey("ApiKey"));
                Assert.Contains("401", operation["responses"]!.AsObject().Select(r => r.Key));
            }
        }

        var mapped = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)
                && !e.RoutePattern.RawText.StartsWith("/api/docs", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

        Assert.Contains("GET /api/reports.csv", mapped);
        Assert.Equal(mapped.Order(), described.Order());
    }

    [Fact]
    public async Task The_document_declares_the_api_key_header()
    {
        var scheme = (await DocumentAsync())["components"]!["securitySchemes"]!["ApiKey"]!;

        Assert.Equal(("apiKey", "header", "X-Api-Key"), ((string?)scheme["type"], (string?)scheme["in"], (string?)scheme["name"]));
    }

    [Fact]
    public async Task Enum_values_are_listed_in_the_one_casing()
    {
        var document = await DocumentAsync();
        var parameters = document["paths"]!["/api/reports"]!["get"]!["parameters"]!.AsArray();

        Assert.Equal(["KS", "PD", "PU", "PR", "TR", "SO"], EnumOf(Parameter(parameters, "bidang")["schema"]!));
        Assert.Equal(["TERKIRIM", "DITERIMA", "SELESAI", "DITOLAK"], EnumOf(Parameter(parameters, "status")["schema"]!));
        Assert.Equal(1, (int?)Parameter(parameters, "page")["schema"]!["minimum"]);
        Assert.Equal(((int?)1, (int?)100), ((int?)Parameter(parameters, "pageSize")["schema"]!["minimum"], (int?)Parameter(parameters, "pageSize")["schema"]!["maximum"]));
        var json = document.ToJsonString();
        Assert.Contains("\"DARURAT\"", json, StringComparison.Ordinal);
        Assert.Contains("\"TANPA_PENERIMA\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Darurat\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Terkirim\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_and_the_docs_page_need_no_key()
    {
        using var document = await Host.Http.GetAsync("/openapi/v1.json");
        using var page = await Host.Http.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        // Scalar resolves the document's address against the site's root: /openapi/v1.json.
        Assert.Contains("\"openapi/v1.json\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var response = await Host.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonNode Parameter(JsonArray parameters, string name) =>
        parameters.Single(p => string.Equals((string?)p!["name"], name, StringComparison.Ordinal))!;

    private static List<string> EnumOf(JsonNode schema)
    {
        // A nullable parameter may wrap its schema; the values are wherever "enum" is.
        var values = schema["enum"] ?? schema["oneOf"]?.AsArray().Select(s => s!["enum"]).FirstOrDefault(e => e is not null);
        Assert.True(values is not null, "No enum in " + schema.ToJsonString());
        return [.. values.AsArray().Where(v => v is not null).Select(v => (string)v!)];
    }
}
