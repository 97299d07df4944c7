using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// <c>GET /api/outbox?status=Failed|WaitingForPerson|…&amp;limit=100</c>: what the bot could not deliver yet or at all, with
/// the platform's delivery report and error code, for administrators (<c>X-Api-Key</c>).
/// </summary>
internal static class OutboxApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>().MapGet("/outbox", ListAsync);
        return app;
    }

    private static async Task<Results<JsonHttpResult<IReadOnlyList<OutboxView>>, BadRequest<ApiError>>> ListAsync(
        OutboxQueries outbox, string? status, int? limit, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var wanted) || int.TryParse(status, out _))
        {
            return TypedResults.BadRequest(new ApiError($"Parameter 'status' harus salah satu dari: {string.Join(", ", Enum.GetNames<OutboxStatus>())}"));
        }

        return TypedResults.Json(await outbox.WithStatusAsync(wanted, limit ?? 100, cancellationToken), Json);
    }
}
