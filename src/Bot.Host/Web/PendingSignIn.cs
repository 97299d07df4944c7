using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Posyandu.Bot.Host.Web;

/// <summary>
/// Between typing the number and typing the code, the browser keeps which code request it made: its id, encrypted and
/// time-limited in a cookie of its own, so the number need not travel again and cannot be swapped.
/// </summary>
internal static class PendingSignIn
{
    public const string Home = "/dashboard/ringkasan";
    private const string Cookie = "posyandu.dasbor.masuk";
    private const string Purpose = "Posyandu.Dashboard.SignIn";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    public static void Remember(HttpContext context, IDataProtectionProvider protection, long requestId)
    {
        var value = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector()
            .Protect(requestId.ToString(CultureInfo.InvariantCulture), Lifetime);
        context.Response.Cookies.Append(Cookie, value, new CookieOptions
        {
            Path = DashboardExtensions.Root,
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = Lifetime,
        });
    }

    public static long? Read(HttpContext context, IDataProtectionProvider protection)
    {
        if (!context.Request.Cookies.TryGetValue(Cookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var text = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(value);
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Forget(HttpContext context) =>
        context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = DashboardExtensions.Root });

    /// <summary>Where to go after signing in: only a dashboard page of this site, never elsewhere.</summary>
    public static string? SafeReturn(string? kembali) =>
        kembali is { Length: > 0 and < 500 } && kembali.StartsWith(DashboardExtensions.Root + "/", StringComparison.Ordinal)
        && !kembali.StartsWith("//", StringComparison.Ordinal) && !kembali.Contains('\\', StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(kembali, UriKind.Relative)
            ? kembali
            : null;
}
