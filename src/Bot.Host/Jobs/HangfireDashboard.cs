using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Api;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Bot.Host.Security;

namespace Posyandu.Bot.Host.Jobs;

/// <summary>
/// The Hangfire dashboard at <c>/hangfire</c> (recurring jobs, runs, failures), for administrators only: the request carries
/// the admin key in <c>X-Api-Key</c>, or a browser enters it once in a small form and gets a cookie for the dashboard's
/// path. Not mapped at all (404) while <c>Admin:ApiKey</c> is empty.
/// </summary>
internal static class HangfireDashboard
{
    public const string Path = "/hangfire";
    public const string CookieName = "posyandu_hangfire";
    private const string LoginPath = Path + "/masuk";

    public static WebApplication MapHangfireDashboard(this WebApplication app)
    {
        var admin = app.Services.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (admin.ApiKey.Length == 0)
        {
            return app;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(GateAsync));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdminKeyAuthorization()],
            DashboardTitle = "Posyandu.Bot — jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    /// <summary>Whether the request carries the admin key (header) or the cookie derived from it.</summary>
    public static bool IsAdministrator(HttpContext context)
    {
        var key = context.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue.ApiKey;
        var header = context.Request.Headers[ApiKeyFilter.Header];
        return (header.Count == 1 && Secrets.Matches(header[0], key))
            || Secrets.Matches(context.Request.Cookies[CookieName], key.Length == 0 ? "" : CookieValue(key));
    }

    private static async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        var key = context.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue.ApiKey;
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(LoginPath) && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (Secrets.Matches(form["key"].ToString(), key))
            {
                SetCookie(context, key);
                context.Response.Redirect(Path, permanent: false);
                return;
            }
        }
        else if (IsAdministrator(context))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(LoginPage, context.RequestAborted);
    }

    private static void SetCookie(HttpContext context, string key) =>
        context.Response.Cookies.Append(CookieName, CookieValue(key), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = Path,
            MaxAge = TimeSpan.FromHours(12),
        });

    // The cookie holds a digest of the key rather than the key, so a copied cookie does not open the API.
    private static string CookieValue(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("posyandu-hangfire-dashboard:" + key)));

    private const string LoginPage = """
        <!doctype html>
        <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>Masuk — jobs</title></head>
        <body style="font-family:sans-serif;max-width:24rem;margin:4rem auto">
        <h1>Halaman jobs</h1>
        <p>Khusus administrator. Masukkan kunci API (Admin:ApiKey).</p>
        <form method="post" action="/hangfire/masuk">
        <input type="password" name="key" autocomplete="off" required style="width:100%">
        <p><button type="submit">Masuk</button></p>
        </form></body></html>
        """;

    /// <summary>Hangfire's own check: the same key or cookie (the gate in front already sent everyone else away).</summary>
    private sealed class AdminKeyAuthorization : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => IsAdministrator(context.GetHttpContext());
    }
}
