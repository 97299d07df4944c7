using System.Net;
using Posyandu.Bot.Host.Tests.Support;

namespace Posyandu.Bot.Host.Tests.Api;

/// <summary><c>GET /api/routing/gaps</c> on the demo roster: Sukamaju has only its Kepala Desa, so its referrals fall back to him.</summary>
public sealed class RoutingApiTests
{
    [Fact]
    public async Task The_gaps_name_the_desa_topic_missing_role_and_fallback()
    {
        using var host = new TelegramTestHost();

        var gaps = (await host.GetJsonAsync("/api/routing/gaps?area=64.02.01.2098")).AsArray();

        Assert.Contains(gaps, g => (string?)g!["desaNama"] == "Sukamaju" && (string?)g["gap"]!["topic"] == "PR-RTLH"
            && (string?)g["gap"]!["role"] == "KASI_KESRA" && (string?)g["gap"]!["kind"] == "PRIMARY"
            && g["gap"]!["fallsBackTo"]!.AsArray().Select(r => (string?)r).SequenceEqual(["KADES"]));
        Assert.All(gaps, g => Assert.Equal("64.02.01.2098", (string?)g!["gap"]!["desaKode"]));
        var all = (await host.GetJsonAsync("/api/routing/gaps")).AsArray();
        Assert.Equal(gaps.Count, all.Count(g => (string?)g!["gap"]!["desaKode"] == "64.02.01.2098"));
        Assert.DoesNotContain(all, g => (string?)g!["desaNama"] == "Perian" && (string?)g["gap"]!["topic"] == "PR-RTLH");

        using var anonymous = await host.Http.GetAsync("/api/routing/gaps");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
