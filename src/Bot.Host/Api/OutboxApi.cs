using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;

namespace Posyandu.Bot.Host.Api;

/// <summary>
/// <c>GET /api/outbox?status=FAILED|WAITING_FOR_PERSON|…&amp;limit=100</c>: what the bot could not deliver yet or at all,
/// with the reason, the platform's delivery report and error code, for administrators (<c>X-Api-Key</c>).
/// </summary>
internal static class OutboxApi
{
    private const string Tag = "Pesan keluar";

    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").RequireApiKey().WithTags(Tag)
            .MapGet("/outbox", ListAsync)
            .WithName("ListOutbox")
            .WithSummary("Pesan keluar dalam satu status pengiriman, terbaru dahulu: yang gagal, atau yang menunggu dan mengapa");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<OutboxView>>> ListAsync(
        OutboxQueries outbox,
        [Description("Status pengiriman, misalnya FAILED, PENDING atau WAITING_FOR_PERSON (huruf besar atau kecil).")] Choice<OutboxStatus> status,
        [Description("Paling banyak sekian pesan, 1 sampai 500 (bawaan 100).")][Range(1, 500, ErrorMessage = "Parameter 'limit' harus bilangan bulat 1 sampai 500.")] int? limit,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await outbox.WithStatusAsync(status.Value, limit ?? 100, cancellationToken));
}
