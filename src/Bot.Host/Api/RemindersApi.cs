using Microsoft.AspNetCore.Http.HttpResults;
using Posyandu.Referrals.Reminders;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// <c>GET /api/reminders/opt-outs</c>: who stopped reminders with BERHENTI (until MULAI); <c>GET /api/reminders/runs</c>: the
/// latest reminder runs with their progress. Both need <c>X-Api-Key</c>.
/// </summary>
internal static class RemindersApi
{
    private const string Tag = "Pengingat";

    public static IEndpointRouteBuilder MapRemindersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reminders").RequireApiKey().WithTags(Tag);
        api.MapGet("/opt-outs", OptOutsAsync)
            .WithName("ListReminderOptOuts")
            .WithSummary("Orang yang menghentikan pengingat dengan BERHENTI (sampai MULAI); peringatan rujukan tetap mereka terima");
        api.MapGet("/runs", RunsAsync)
            .WithName("ListReminderRuns")
            .WithSummary("Jalannya pengingat terbaru (hari buka, laporan bulanan, ringkasan harian) per zona waktu: terkirim, menunggu, gagal, dilewati");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<OptOutView>>> OptOutsAsync(ReminderQueries reminders, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reminders.OptOutsAsync(cancellationToken));

    /// <summary>How many runs the list shows, newest first.</summary>
    private const int RunLimit = 100;

    private static async Task<Ok<IReadOnlyList<ReminderRunProgressView>>> RunsAsync(ReminderRunQueries runs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await runs.RecentAsync(RunLimit, cancellationToken));
}
