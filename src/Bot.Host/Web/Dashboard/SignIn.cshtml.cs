using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Posyandu.Referrals.Dashboard;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>The sign-in page: the official types their phone number and a code goes to their chat.</summary>
public sealed class SignInModel(SignInCodes codes, IDataProtectionProvider protection) : PageModel
{
    public string? Telepon { get; private set; }

    public string? Problem { get; private set; }

    public string? Kembali { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kembali)
    {
        Kembali = PendingSignIn.SafeReturn(kembali);
        return await DashboardAuth.CurrentAsync(HttpContext) is null ? Page() : Redirect(Kembali ?? PendingSignIn.Home);
    }

    public async Task<IActionResult> OnPostAsync(string? telepon, string? kembali)
    {
        Kembali = PendingSignIn.SafeReturn(kembali);
        var request = await codes.RequestAsync(telepon, HttpContext.RequestAborted);
        if (request is null)
        {
            Telepon = telepon?.Length > 30 ? telepon[..30] : telepon;
            Problem = "Nomor HP tidak terbaca. Mohon tulis seperti 0812 3456 7890 atau +62 812 3456 7890.";
            return Page();
        }

        PendingSignIn.Remember(HttpContext, protection, request.Id);
        return Redirect(Kembali is null ? "/dashboard/kode" : "/dashboard/kode?kembali=" + Uri.EscapeDataString(Kembali));
    }
}
