using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Posyandu.Bot.Host.Tests.Dashboard;

/// <summary>
/// A fact that drives a real browser: the machine's Chromium (Debian's <c>chromium</c>, or <c>CHROMIUM_PATH</c>) through
/// Playwright. Skipped, with the reason in the test's name, when no browser can be launched here (xunit 2 decides skips
/// at discovery, so the browser is tried once then).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute([CallerMemberName] string test = "")
    {
        if (Chromium.Failure is { } reason)
        {
            Skip = $"no browser can be launched here: {reason}";
            // dotnet test's console prints a skipped test's name but not its reason, so the name carries the reason.
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}

/// <summary>Finds and launches the machine's Chromium headless, with what a sandboxed CI container needs.</summary>
public static class Chromium
{
    private static readonly Lazy<string?> Probe = new(TryLaunch);

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"];

    /// <summary>Why no browser can be launched, or null when one can.</summary>
    public static string? Failure => Probe.Value;

    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox inside containers run as root; no calls home, no updates, no first-run dialogs.
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run", "--metrics-recording-only"],
        });
    }

    private static string? TryLaunch()
    {
        if (ExecutablePath is null)
        {
            return "Chromium not found (install Debian's chromium, e.g. with .ci/install-chromium, or set CHROMIUM_PATH)";
        }

        try
        {
            using var playwright = Playwright.CreateAsync().GetAwaiter().GetResult();
            var browser = LaunchAsync(playwright).GetAwaiter().GetResult();
            browser.CloseAsync().GetAwaiter().GetResult();
            return null;
        }
#pragma warning disable CA1031 // Whatever stops the launch is the reason to show.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"{ExecutablePath} did not start: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
        }
    }
}
