using Microsoft.AspNetCore.Http.HttpResults;
using Posyandu.Referrals.Routing;

namespace Posyandu.Bot.Host.Api;

/// <summary><c>GET /api/routing/gaps</c>: the desa where a role of the routing table has nobody, and where its referrals go instead. Needs <c>X-Api-Key</c>.</summary>
internal static class RoutingApi
{
    private const string Tag = "Rute rujukan";

    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/routing").RequireApiKey().WithTags(Tag);
        api.MapGet("/gaps", GapsAsync)
            .WithName("ListRoutingGaps")
            .WithSummary("Desa yang perannya kosong di tabel rute, per topik, dan ke mana rujukannya dialihkan; area = kode desa, kecamatan atau kabupaten");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RoutingGap>>> GapsAsync(RoutingGaps gaps, string? area, CancellationToken cancellationToken) =>
        TypedResults.Ok(await gaps.ListAsync(string.IsNullOrWhiteSpace(area) ? null : area.Trim(), cancellationToken));
}
