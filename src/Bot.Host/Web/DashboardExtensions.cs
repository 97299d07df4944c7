using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Posyandu.Bot.Host.Web;

/// <summary>
/// The officials' web dashboard at <c>/dashboard</c>: server-rendered Razor Pages (in <c>Web/Dashboard</c>), signed in with a
/// code sent to the official's chat, a cookie session, anti-forgery on every form and strict security headers.
/// </summary>
internal static class DashboardExtensions
{
    public const string Root = "/dashboard";

    // Nothing is loaded from elsewhere, no script runs, no page is framed; forms post only here.
    private const string ContentSecurityPolicy =
        "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web";
            options.Conventions.AuthorizeFolder("/Dashboard", DashboardAuth.Policy);
            options.Conventions.AllowAnonymousToPage("/Dashboard/SignIn");
            options.Conventions.AllowAnonymousToPage("/Dashboard/Code");
        });

        services.AddAuthentication()
            .AddCookie(DashboardAuth.Scheme, options =>
            {
                options.Cookie.Name = "posyandu.dasbor";
                options.Cookie.Path = Root;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = DashboardAuth.SessionLength;
                options.SlidingExpiration = true;
                options.LoginPath = Root;
                options.AccessDeniedPath = Root;
                options.ReturnUrlParameter = "kembali";
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardAuth.Policy, policy => policy.AddAuthenticationSchemes(DashboardAuth.Scheme).RequireAuthenticatedUser());

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "posyandu.dasbor.af";
            options.Cookie.Path = Root;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__af";
        });
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Root), branch => branch.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                // Pages carry names and reports: no shared cache keeps them, and the back button after sign-out shows nothing.
                if (!context.Request.Path.StartsWithSegments(Root + "/dashboard.css"))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
        }));

        app.MapGet(Root + "/dashboard.css", Stylesheet).ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }

    private static Results<FileStreamHttpResult, NotFound> Stylesheet(IWebHostEnvironment environment, HttpResponse response)
    {
        var asset = environment.WebRootFileProvider.GetFileInfo("dashboard/dashboard.css");
        if (!asset.Exists)
        {
            return TypedResults.NotFound();
        }

        response.Headers.CacheControl = "no-cache";
        return TypedResults.File(asset.CreateReadStream(), "text/css; charset=utf-8", lastModified: asset.LastModified);
    }
}
