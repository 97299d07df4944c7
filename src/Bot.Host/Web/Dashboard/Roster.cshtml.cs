using Microsoft.AspNetCore.Mvc;
using Posyandu.Referrals.Dashboard;
using Posyandu.Referrals.Roster;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>
/// The roster of the viewer's area, its routing gaps (when the host provides an <see cref="IRoutingGapSource"/>), and for the
/// DPMD the CSV upload with every line's result.
/// </summary>
[RequestSizeLimit(MaxUpload + (64 * 1024))]
public sealed class RosterModel(DashboardRoster roster, IServiceProvider services) : DashboardPageModel
{
    /// <summary>A roster file is a few thousand lines; anything much larger is not one.</summary>
    public const long MaxUpload = 2 * 1024 * 1024;

    public IReadOnlyList<RosterPersonView> People { get; private set; } = [];

    public IReadOnlyList<RoutingGapView>? Gaps { get; private set; }

    public RosterImportResult? Import { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? berkas)
    {
        if (!Viewer.MayImportRoster)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (berkas is null || berkas.Length == 0 || berkas.Length > MaxUpload)
        {
            Import = new RosterImportResult([new RosterLineResult(0, RosterLineOutcome.Refused, null,
                berkas is null || berkas.Length == 0 ? "berkas kosong atau tidak dipilih" : "berkas terlalu besar (maksimal 2 MB)")]);
        }
        else
        {
            using var reader = new StreamReader(berkas.OpenReadStream());
            Import = await roster.ImportAsync(Viewer, reader, HttpContext.RequestAborted);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        People = await roster.ListAsync(Viewer, HttpContext.RequestAborted);
        if (services.GetService<IRoutingGapSource>() is { } gaps)
        {
            Gaps = await gaps.ListAsync(Viewer, HttpContext.RequestAborted);
        }
    }
}
