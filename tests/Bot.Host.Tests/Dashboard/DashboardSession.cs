using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Dashboard;

/// <summary>
/// A browser on the dashboard without a browser: a cookie-keeping client that follows no redirect by itself, reads the
/// anti-forgery token from each form it posts, and signs in with the code the bot sent to the official's chat.
/// </summary>
public sealed partial class DashboardSession : IDisposable
{
    private readonly FakeBotApi _botApi;

    public DashboardSession(TelegramTestHost host, string baseAddress = "http://localhost")
        : this(host, host.BotApi, baseAddress)
    {
    }

    /// <summary>A session on any host of the tests (one derived with another clock too) whose chats reach <paramref name="botApi"/>.</summary>
    public DashboardSession(WebApplicationFactory<Program> host, FakeBotApi botApi, string baseAddress = "http://localhost")
    {
        _botApi = botApi;
        Http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });
    }

    public HttpClient Http { get; }

    /// <summary>Links the official's Telegram chat, asks for a code, reads it from the chat and types it; fails unless signed in.</summary>
    public static async Task<DashboardSession> SignInAsync(TelegramTestHost host, TelegramUser official)
    {
        await host.LinkAsync(official);
        var session = new DashboardSession(host);
        var code = await session.RequestCodeAsync(official);
        Assert.NotNull(code);
        using var response = await session.EnterCodeAsync(code);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/ringkasan", response.Headers.Location?.OriginalString);
        return session;
    }

    /// <summary>Types the person's number on the sign-in page; returns the code that reached their chat (null when none did).</summary>
    public async Task<string?> RequestCodeAsync(TelegramUser person, bool expectCode = true)
    {
        var before = _botApi.SentTo(person.ChatId).Count;
        using var response = await PostFormAsync("/dashboard", new() { ["telepon"] = person.Phone });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/kode", response.Headers.Location?.OriginalString);
        if (!expectCode)
        {
            return null;
        }

        var message = await Eventually.Get(
            () => _botApi.SentTo(person.ChatId).Skip(before).FirstOrDefault(m => m.Text.Contains("Kode masuk dasbor", StringComparison.Ordinal)),
            $"the sign-in code in {person.Name}'s chat");
        return SixDigits().Match(message.Text).Value;
    }

    public Task<HttpResponseMessage> EnterCodeAsync(string code) => PostFormAsync("/dashboard/kode", new() { ["kode"] = code });

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads the page at <paramref name="formPage"/> (or <paramref name="path"/>) for its anti-forgery token, then posts the form.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null, bool withToken = true)
    {
        if (withToken)
        {
            using var page = await Http.GetAsync(formPage ?? path);
            var html = await page.Content.ReadAsStringAsync();
            var token = Token().Match(html);
            Assert.True(token.Success, $"No anti-forgery token on {formPage ?? path} ({(int)page.StatusCode})");
            fields["__af"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(path, content);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
