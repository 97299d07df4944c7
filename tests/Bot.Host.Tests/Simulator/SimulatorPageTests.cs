using System.Net;

namespace Posyandu.Bot.Host.Tests.Simulator;

[Collection(SimulatorHostDefinition.Name)]
public class SimulatorPageTests(SimulatorHost host)
{
    [Fact]
    public async Task Page_IsServedWithItsScriptAndStyle()
    {
        using var client = host.CreateClient();

        using var page = await client.GetAsync("/simulator");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Pesan ke orang lain", html, StringComparison.Ordinal);
        Assert.Contains("Pilih orang", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        using var script = await client.GetAsync("/simulator/simulator.js");
        var js = await script.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/simulator/api", js, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", js, StringComparison.Ordinal);

        using var style = await client.GetAsync("/simulator/simulator.css");
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }
}
