using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Posyandu.Referrals.Dashboard;

namespace Posyandu.Bot.Host.Web;

/// <summary>
/// A signed-in dashboard page: the viewer is read from the roster on every request, so a person removed from the roster or
/// turned kader is signed out at once, and a changed area applies at the next click.
/// </summary>
public abstract class DashboardPageModel : PageModel
{
    private DashboardViewer? _viewer;

    public DashboardViewer Viewer => _viewer ?? throw new InvalidOperationException("No viewer outside a page handler.");

    /// <summary>A one-line notice after an action (shown once, above the page).</summary>
    [TempData]
    public string? Notice { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var viewers = HttpContext.RequestServices.GetRequiredService<DashboardViewers>();
        if (DashboardAuth.PersonId(User) is not { } id || await viewers.FindAsync(id, HttpContext.RequestAborted) is not { } viewer)
        {
            await DashboardAuth.SignOutAsync(HttpContext);
            context.Result = new RedirectResult(DashboardExtensions.Root);
            return;
        }

        _viewer = viewer;
        ViewData["Viewer"] = viewer;
        await next();
    }
}
