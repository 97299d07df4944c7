using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>Signing out: a form post (with its anti-forgery token), never a link another site could make the browser follow.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect(PendingSignIn.Home);

    public async Task<IActionResult> OnPostAsync()
    {
        await DashboardAuth.SignOutAsync(HttpContext);
        return Redirect(DashboardExtensions.Root);
    }
}
