using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Posyandu.Referrals.Dashboard;

namespace Posyandu.Bot.Host.Web.Dashboard;

/// <summary>The monthly recap per Posyandu and bidang, on screen and as Excel or CSV for the musyawarah desa.</summary>
public sealed class RecapModel(MonthlyRecap recaps, TimeProvider time) : DashboardPageModel
{
    public RecapView? Recap { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? bulan)
    {
        Recap = await LoadAsync(bulan);
        if (Recap is null)
        {
            return Redirect("/dashboard/rekap");
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(string? bulan) =>
        await LoadAsync(bulan) is { } recap
            ? File(RecapExport.Excel(recap), RecapExport.ExcelType, RecapExport.FileName(recap, "xlsx"))
            : BadRequest();

    public async Task<IActionResult> OnGetCsvAsync(string? bulan) =>
        await LoadAsync(bulan) is { } recap
            ? File(RecapExport.Csv(recap), RecapExport.CsvType, RecapExport.FileName(recap, "csv"))
            : BadRequest();

    /// <summary>The recap of the month asked for; this month when none is given; null when the month cannot be read.</summary>
    private Task<RecapView?> LoadAsync(string? bulan)
    {
        var month = string.IsNullOrWhiteSpace(bulan)
            ? TimeZoneInfo.ConvertTime(time.GetUtcNow(), Viewer.Zone).ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : bulan.Trim();
        return recaps.GetAsync(Viewer, month, HttpContext.RequestAborted);
    }
}
