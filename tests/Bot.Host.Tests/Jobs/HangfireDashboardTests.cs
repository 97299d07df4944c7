using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Jobs;

/// <summary>The Hangfire dashboard at /hangfire: only with the admin key (header, or the cookie the key form sets); absent without a configured key.</summary>
public sealed class HangfireDashboardTests
{
    [Fact]
    public async Task Without_a_configured_key_there_is_no_dashboard()
    {
        using var host = new TelegramTestHost(new Dictionary<string, string?> { ["Admin:ApiKey"] = "" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("X-Api-Key", TelegramTestHost.ApiKey);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_admin_key_opens_the_dashboard_with_the_reminder_jobs()
    {
        using var host = new TelegramTestHost();
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using (var anonymous = await client.GetAsync("/hangfire/recurring"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains("kunci API", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/hangfire"))
        {
            wrong.Headers.Add("X-Api-Key", "not-the-admin-key-0000");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        }

        using (var badForm = await client.PostAsync("/hangfire/masuk", new FormUrlEncodedContent([new("key", "not-the-admin-key-0000")])))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, badForm.StatusCode);
        }

        using (var withHeader = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring"))
        {
            withHeader.Headers.Add("X-Api-Key", TelegramTestHost.ApiKey);
            using var response = await host.Http.SendAsync(withHeader);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("reminder-haribuka-wita", page, StringComparison.Ordinal);
            Assert.Contains("reminder-digest-wit", page, StringComparison.Ordinal);
        }

        using (var login = await client.PostAsync("/hangfire/masuk", new FormUrlEncodedContent([new("key", TelegramTestHost.ApiKey)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var withCookie = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
    }
}
