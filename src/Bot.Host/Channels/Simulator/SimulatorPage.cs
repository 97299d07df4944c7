using Microsoft.AspNetCore.Http.HttpResults;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>
/// Serves the simulator page (plain HTML, JavaScript and CSS in <c>wwwroot/simulator</c>) from its own routes, so the
/// host needs no static-files middleware for it.
/// </summary>
internal static class SimulatorPage
{
    // The page loads nothing from elsewhere and is never framed; user data is only ever set as text.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly (string Route, string File, string ContentType)[] Assets =
    [
        ("/simulator", "simulator/index.html", "text/html; charset=utf-8"),
        ("/simulator/simulator.js", "simulator/simulator.js", "text/javascript; charset=utf-8"),
        ("/simulator/simulator.css", "simulator/simulator.css", "text/css; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (route, file, contentType) in Assets)
        {
            app.MapGet(route, (IWebHostEnvironment environment, HttpResponse response) =>
                Serve(environment, response, file, contentType)).ExcludeFromDescription();
        }
    }

    private static Results<FileStreamHttpResult, NotFound> Serve(
        IWebHostEnvironment environment, HttpResponse response, string file, string contentType)
    {
        var asset = environment.WebRootFileProvider.GetFileInfo(file);
        if (!asset.Exists)
        {
            return TypedResults.NotFound();
        }

        // Always revalidate: a tester reloading after an upgrade must get the new script, not a cached one.
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.File(asset.CreateReadStream(), contentType, lastModified: asset.LastModified);
    }
}
