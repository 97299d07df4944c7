using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Posyandu.Referrals.Routing;

namespace Posyandu.Bot.Host.Api;

/// <summary><c>GET /api/routing/gaps</c>: the desa where a role of the routing table has nobody, and where those referrals go instead.</summary>
internal static class RoutingApi
{
    private const string Tag = "Rute";

    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/routing").RequireApiKey().WithTags(Tag)
            .MapGet("/gaps", GapsAsync)
            .WithName("ListRoutingGaps")
            .WithSummary("Celah rute: per desa dan topik, peran yang kosong di roster dan ke mana laporannya dialihkan");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DesaRoutingGap>>> GapsAsync(
        RoutingGaps gaps,
        [Description("Kode wilayah desa, kecamatan atau kabupaten (kosong: semua desa).")] string? area,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await gaps.ListAsync(string.IsNullOrWhiteSpace(area) ? null : area.Trim(), cancellationToken));
}
