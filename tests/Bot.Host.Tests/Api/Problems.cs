using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary>Reads an RFC 9457 problem answer.</summary>
internal static class Problems
{
    /// <summary>Asserts the answer is a problem with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)body["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["title"]));
        return body;
    }

    /// <summary>Asserts a 400 problem whose errors name exactly <paramref name="parameter"/>.</summary>
    public static async Task<JsonObject> AssertBadParameterAsync(HttpResponseMessage response, string parameter)
    {
        var body = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = body["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(parameter), $"No error for '{parameter}' in {body.ToJsonString()}");
        Assert.Single(errors);
        Assert.False(string.IsNullOrWhiteSpace((string?)errors[parameter]![0]));
        return body;
    }

    public static Task<JsonObject?> ReadAsync(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonObject>();
}
