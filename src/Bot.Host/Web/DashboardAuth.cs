using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Posyandu.Bot.Host.Web;

/// <summary>The dashboard's cookie session: its scheme and policy, and the one claim it carries (the roster person's id).</summary>
internal static class DashboardAuth
{
    public const string Scheme = "Dasbor";
    public const string Policy = "Dasbor";
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    public static Task SignInAsync(HttpContext context, long personId)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, personId.ToString(CultureInfo.InvariantCulture))], Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>The signed-in person's id, or null.</summary>
    public static long? PersonId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>The person signed in to the dashboard on this request (pages that allow anonymous visitors ask themselves).</summary>
    public static async Task<long?> CurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded ? PersonId(result.Principal) : null;
    }
}
