using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Posyandu.Conversation.Parsing;
using Posyandu.Referrals.Dashboard;
using Posyandu.Referrals.Media;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>
/// One report: everything the kader sent and the referral's timeline, with <i>Terima</i>, <i>Selesai</i> and <i>Tolak</i>
/// for its primary recipients. Outside the viewer's scope it answers 404, as for a report that does not exist.
/// </summary>
public sealed class ReportModel(DashboardReports reports, DashboardActions actions, MediaStore media) : DashboardPageModel
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public DashboardReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string nomor)
    {
        Report = await reports.GetAsync(Viewer, nomor, HttpContext.RequestAborted);
        if (Report is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public Task<IActionResult> OnPostTerimaAsync(string nomor) => ActAsync(nomor, OfficialAction.Terima, null);

    public Task<IActionResult> OnPostSelesaiAsync(string nomor, string? catatan) => ActAsync(nomor, OfficialAction.Selesai, catatan);

    public Task<IActionResult> OnPostTolakAsync(string nomor, string? alasan) => ActAsync(nomor, OfficialAction.Tolak, alasan);

    /// <summary>A photo of the report, only when the viewer sees the report in full and the photo is one of its own.</summary>
    public async Task<IActionResult> OnGetFotoAsync(string nomor, string? id)
    {
        if (id is null || !await reports.MayViewPhotoAsync(Viewer, nomor, id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        string path;
        try
        {
            path = media.PathOf(id);
        }
        catch (ArgumentException)
        {
            return NotFound();
        }

        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        return PhysicalFile(path, ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream");
    }

    private async Task<IActionResult> ActAsync(string nomor, OfficialAction action, string? note)
    {
        var report = await reports.GetAsync(Viewer, nomor, HttpContext.RequestAborted);
        if (report is null)
        {
            return NotFound();
        }

        Notice = await actions.ActAsync(Viewer, report.Number, action, note, HttpContext.RequestAborted);
        return Redirect("/dashboard/laporan/" + Uri.EscapeDataString(report.Number));
    }
}
