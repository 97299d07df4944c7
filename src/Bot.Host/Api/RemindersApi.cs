using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Posyandu.Referrals.Reminders;

namespace Posyandu.Bot.Host.Api;

/// <summary><c>GET /api/reminders/opt-outs</c>: who stopped reminders with BERHENTI (until MULAI). Needs <c>X-Api-Key</c>.</summary>
internal static class RemindersApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapRemindersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reminders").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/opt-outs", OptOutsAsync);
        return app;
    }

    private static async Task<JsonHttpResult<IReadOnlyList<OptOutView>>> OptOutsAsync(ReminderQueries reminders, CancellationToken cancellationToken) =>
        TypedResults.Json(await reminders.OptOutsAsync(cancellationToken), Json);
}
