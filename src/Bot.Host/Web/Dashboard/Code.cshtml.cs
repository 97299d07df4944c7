using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Posyandu.Referrals.Dashboard;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>The code page: the code from the chat signs the official in; wrong, expired and paused are told apart, the number is not.</summary>
public sealed class CodeModel(SignInCodes codes, IDataProtectionProvider protection, TimeProvider time) : PageModel
{
    public string? Problem { get; private set; }

    public bool FormClosed { get; private set; }

    public string? Kembali { get; private set; }

    public IActionResult OnGet(string? kembali)
    {
        Kembali = PendingSignIn.SafeReturn(kembali);
        return PendingSignIn.Read(HttpContext, protection) is null ? Redirect(DashboardExtensions.Root) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? kode, string? kembali)
    {
        Kembali = PendingSignIn.SafeReturn(kembali);
        if (PendingSignIn.Read(HttpContext, protection) is not { } requestId)
        {
            return Redirect(DashboardExtensions.Root);
        }

        var result = await codes.VerifyAsync(requestId, kode, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                PendingSignIn.Forget(HttpContext);
                await DashboardAuth.SignInAsync(HttpContext, result.PersonId!.Value);
                return Redirect(Kembali ?? PendingSignIn.Home);
            case SignInOutcome.Wrong:
                Problem = $"Kode salah. Sisa percobaan: {result.TriesLeft.ToString(CultureInfo.InvariantCulture)}.";
                break;
            case SignInOutcome.Paused:
                FormClosed = true;
                var minutes = Math.Max(1, (int)Math.Ceiling((result.Until!.Value - time.GetUtcNow()).TotalMinutes));
                Problem = $"Terlalu banyak percobaan. Demi keamanan, mohon coba lagi {minutes.ToString(CultureInfo.InvariantCulture)} menit lagi.";
                break;
            default:
                FormClosed = true;
                Problem = "Kode ini sudah tidak berlaku. Mohon minta kode baru.";
                break;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
