using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser against the real host on Kestrel and a real SQLite file: a kader reports on Telegram,
/// the Kepala Desa signs in with the code from his chat, opens every page at 360 px and 1280 px (screenshots in
/// <c>tests/Bot.Host.Tests/TestResults/dashboard/</c>), cannot open what is not his, and accepts the report from the web;
/// the kader is told in her chat.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed partial class BrowserTests : IDisposable
{
    private static readonly string[] Pages = ["ringkasan", "laporan", "grafik", "rekap", "roster", "pengingat"];

    private readonly TelegramTestHost _host = new();

    [BrowserFact]
    public async Task An_official_signs_in_reads_every_page_on_a_phone_and_a_pc_and_accepts_a_report()
    {
        _host.UseKestrel(0);
        _host.StartServer();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var number = await RtlhJourney.ReportAsync(_host, TelegramUser.Siti);
        await _host.LinkAsync(TelegramUser.AbdulRahman);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "id-ID" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };

        // Sign in: the number, then the code the bot sent to the Kepala Desa's Telegram chat.
        await page.GotoAsync(address + "/dashboard");
        await Shoot(page, "masuk-360");
        var before = _host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Count;
        await page.FillAsync("#telepon", "0813-5111-0001");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/dashboard/kode");
        var message = await Eventually.Get(
            () => _host.BotApi.SentTo(TelegramUser.AbdulRahman.ChatId).Skip(before).FirstOrDefault(m => m.Text.Contains("Kode masuk dasbor", StringComparison.Ordinal)),
            "the sign-in code in the Kepala Desa's chat");
        await page.FillAsync("#kode", SixDigits().Match(message.Text).Value);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/dashboard/ringkasan");
        Assert.Contains("Abdul Rahman", await page.InnerTextAsync("header"), StringComparison.Ordinal);

        foreach (var width in new[] { 360, 1280 })
        {
            await page.SetViewportSizeAsync(width, width == 360 ? 740 : 900);
            foreach (var name in Pages.Append($"laporan/{number}"))
            {
                var response = await page.GotoAsync($"{address}/dashboard/{name}");
                Assert.Equal(200, response!.Status);
                // Usable on a phone: nothing wider than the screen except inside the tables' own scroll boxes.
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"/dashboard/{name} is {overflow}px wider than a {width}px screen");
                await Shoot(page, $"{name.Replace('/', '-')}-{width}");
            }
        }

        Assert.Contains(number, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        // The house's photos, served through the dashboard's own checked route, really load in the browser.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('img')].length > 0 && [...document.querySelectorAll('img')].every(i => i.complete && i.naturalWidth > 0)"));

        // Another desa's report number typed by hand: not found, nothing shown.
        var foreign = await page.GotoAsync($"{address}/dashboard/laporan/PR-2511-9999");
        Assert.Equal(404, foreign!.Status);
        Assert.Contains("Laporan tidak ditemukan", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // Terima from the web reaches the kader's chat.
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"{address}/dashboard/laporan/{number}");
        var kaderBefore = _host.BotApi.SentTo(TelegramUser.Siti.ChatId).Count;
        await page.ClickAsync("button:text-is('Terima')");
        await page.WaitForSelectorAsync(".pemberitahuan");
        Assert.Contains("kader pelapor sudah diberi tahu", await page.InnerTextAsync(".pemberitahuan"), StringComparison.Ordinal);
        await Shoot(page, "diterima-360");
        var told = await _host.RepliesAfterAsync(TelegramUser.Siti, kaderBefore);
        Assert.Contains(told, m => m.Text.Contains($"Laporan {number} telah diterima oleh Abdul Rahman", StringComparison.Ordinal));

        // Signing out ends the session.
        await page.ClickAsync("button:text-is('Keluar')");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"{address}/dashboard/ringkasan");
        Assert.Contains("/dashboard?kembali=", page.Url, StringComparison.Ordinal);

        // The CSP allows no inline script or style: the browser reported no violation.
        Assert.Empty(violations);
    }

    public void Dispose() => _host.Dispose();

    private static async Task Shoot(IPage page, string name, [CallerFilePath] string thisFile = "") =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "TestResults", "dashboard", name + ".png"),
            FullPage = true,
        });

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
