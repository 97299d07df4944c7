using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Posyandu.Bot.Host.Tests.Support;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Tests.Dashboard;

/// <summary>
/// Signing in to the dashboard with a code sent to the official's chat: the code reaches the chat through the outbox and
/// the fake Bot API, is stored only hashed, expires, allows five tries, and nobody learns whether a number is an official's.
/// </summary>
public sealed class SignInTests : IDisposable
{
    private readonly TelegramTestHost _host = new();

    [Fact]
    public async Task An_official_signs_in_with_the_code_from_their_chat_and_signs_out()
    {
        using var session = await DashboardSession.SignInAsync(_host, TelegramUser.AbdulRahman);

        var overview = await session.GetPageAsync("/dashboard/ringkasan");
        Assert.Contains("Abdul Rahman", overview, StringComparison.Ordinal);
        Assert.Contains("Ringkasan Perian", overview, StringComparison.Ordinal);

        await using (var db = await Db())
        {
            // The code is kept only as a salted hash, and the outbox no longer holds it once used.
            var request = await db.DashboardSignIns.SingleAsync();
            Assert.NotNull(request.UsedAt);
            Assert.Equal(44, request.CodeHash!.Length);
            var outbox = await db.Outbox.SingleAsync(o => o.Id == request.OutboxMessageId);
            Assert.DoesNotContain("Kode masuk dasbor Posyandu:", outbox.PayloadJson, StringComparison.Ordinal);
        }

        using var signOut = await session.PostFormAsync("/dashboard/keluar", [], formPage: "/dashboard/ringkasan");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await session.GetAsync("/dashboard/ringkasan");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/dashboard?kembali=", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        _host.AssertNoErrors();
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_lax_and_secure_over_https()
    {
        await _host.LinkAsync(TelegramUser.AbdulRahman);
        using var session = new DashboardSession(_host, "https://localhost");
        var code = await session.RequestCodeAsync(TelegramUser.AbdulRahman);
        using var response = await session.EnterCodeAsync(code!);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("posyandu.dasbor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_kader_and_a_stranger_get_the_same_answers_as_an_official_and_no_code()
    {
        await _host.LinkAsync(TelegramUser.Siti);
        await _host.LinkAsync(TelegramUser.AbdulRahman);
        var pages = new List<string>();
        foreach (var person in new[] { TelegramUser.AbdulRahman, TelegramUser.Siti, TelegramUser.Stranger })
        {
            using var session = new DashboardSession(_host);
            await session.RequestCodeAsync(person, expectCode: false);
            var codePage = await session.GetPageAsync("/dashboard/kode");
            using var wrong = await session.EnterCodeAsync("000000");
            pages.Add(Text(codePage) + "|" + (int)wrong.StatusCode + "|" + Text(await wrong.Content.ReadAsStringAsync()));
        }

        Assert.Equal(pages[0], pages[1]);
        Assert.Equal(pages[0], pages[2]);
        Assert.Contains("Kode salah. Sisa percobaan: 4.", pages[0], StringComparison.Ordinal);

        // Only the official's chat got a code; the kader's did not.
        await Eventually.True(() => _host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Any(m => m.Text.Contains("Kode masuk dasbor", StringComparison.Ordinal)), "the official's code");
        Assert.DoesNotContain(_host.BotApi.SentTo(TelegramUser.Siti.ChatId), m => m.Text.Contains("Kode masuk dasbor", StringComparison.Ordinal));
        await using var db = await Db();
        Assert.Equal(3, await db.DashboardSignIns.CountAsync());
        Assert.Equal(2, await db.DashboardSignIns.CountAsync(s => s.CodeHash == null));
    }

    [Fact]
    public async Task Five_wrong_codes_pause_the_number_even_for_the_right_code()
    {
        await _host.LinkAsync(TelegramUser.AbdulRahman);
        using var session = new DashboardSession(_host);
        var code = await session.RequestCodeAsync(TelegramUser.AbdulRahman);
        var wrong = code == "111111" ? "222222" : "111111";

        for (var left = 4; left >= 1; left--)
        {
            using var response = await session.EnterCodeAsync(wrong);
            Assert.Contains($"Sisa percobaan: {left}.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await session.EnterCodeAsync(wrong);
        Assert.Contains("Terlalu banyak percobaan", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var right = await session.EnterCodeAsync(code!);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("posyandu.dasbor=", StringComparison.Ordinal)));

        // A new code is not sent while the number is paused.
        var before = _host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Count;
        await session.RequestCodeAsync(TelegramUser.AbdulRahman, expectCode: false);
        var page = await session.GetPageAsync("/dashboard/kode");
        using var again = await session.EnterCodeAsync(code!);
        Assert.Contains("Terlalu banyak percobaan", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, _host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Count);
        Assert.Contains("Masukkan kode", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_older_than_five_minutes_is_refused()
    {
        // The same settings, database and fake Bot API on a host whose clock the test moves; the original host is never started.
        var clock = new OffsetClock();
        using var host = _host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using (var webhook = host.CreateClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = JsonContent.Create(Updates.OwnContact(TelegramUser.AbdulRahman)) };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramTestHost.Secret);
            using var linked = await webhook.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        }

        using var session = new DashboardSession(host, _host.BotApi);
        var code = await session.RequestCodeAsync(TelegramUser.AbdulRahman);

        clock.Offset = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
        using var late = await session.EnterCodeAsync(code!);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("sudah tidak berlaku", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        using var session = new DashboardSession(_host);
        using var response = await session.PostFormAsync("/dashboard", new() { ["telepon"] = TelegramUser.AbdulRahman.Phone }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = await Db();
        Assert.Equal(0, await db.DashboardSignIns.CountAsync());
    }

    [Fact]
    public async Task Dashboard_pages_carry_strict_security_headers()
    {
        using var session = new DashboardSession(_host);
        using var response = await session.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/dashboard/ringkasan")]
    [InlineData("/dashboard/laporan")]
    [InlineData("/dashboard/laporan/PR-2511-0001")]
    [InlineData("/dashboard/rekap?handler=Excel&bulan=2025-11")]
    [InlineData("/dashboard/roster")]
    [InlineData("/dashboard/kode")]
    public async Task Without_signing_in_every_page_leads_to_the_sign_in(string path)
    {
        using var session = new DashboardSession(_host);
        using var response = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/dashboard", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }

    private Task<PosyanduDb> Db() => _host.Services.GetRequiredService<IDbContextFactory<PosyanduDb>>().CreateDbContextAsync();

    /// <summary>The visible text of a page with the anti-forgery token taken out (it differs per visitor by design).</summary>
    private static string Text(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "value=\"CfDJ[^\"]*\"", "");

    public void Dispose() => _host.Dispose();
}
