using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Routing;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

/// <summary>The routing gaps of the demo roster: what each desa lacks, and where those referrals go instead.</summary>
public class RoutingGapsTests
{
    private const string Perian = "64.02.01.2001";
    private const string Sukamaju = "64.02.01.2098";

    [Fact]
    public async Task A_desa_with_only_a_kepala_desa_shows_each_missing_role_falling_back_to_him()
    {
        await using var host = await TestHost.StartAsync();

        var gaps = (await host.Get<RoutingGaps>().ListAsync(Sukamaju, CancellationToken.None)).Select(g => g.Gap).ToList();

        Assert.All(gaps, g => Assert.Equal(Sukamaju, g.DesaKode));
        Assert.Contains(new RoutingGap(Sukamaju, "PR-RTLH", "KASI_KESRA", RecipientKind.Primary, ["KADES"]), gaps, GapComparer.Instance);
        Assert.Contains(new RoutingGap(Sukamaju, "PR-RTLH", "KETUA_TP_POSYANDU", RecipientKind.Copy, ["KADES"]), gaps, GapComparer.Instance);
        Assert.Contains(new RoutingGap(Sukamaju, "KS-BALITA", "BIDAN_DESA", RecipientKind.Primary, ["KADES"]), gaps, GapComparer.Instance);
        // The confidential topic keeps to its roles: UPTD PPA covers every desa of the kabupaten, so nothing is missing.
        Assert.DoesNotContain(gaps, g => g.Topic == "SO-KEKERASAN" && g.Kind == RecipientKind.Primary);
    }

    [Fact]
    public async Task A_desa_without_kepala_desa_falls_back_to_the_escalation_roles_and_a_copy_is_not_sent()
    {
        await using var host = await TestHost.StartAsync();
        const string Tanjung = "64.02.01.2050";
        await host.ImportAsync("peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang\nKADER,Sri,0812-5123-4600,64.02.01.2050,Tanjung,Posyandu Anggrek,3,\n");

        var all = await host.Get<RoutingGaps>().ListAsync("64.02.01", CancellationToken.None);
        var tanjung = all.Where(g => g.Gap.DesaKode == Tanjung).Select(g => g.Gap).ToList();

        Assert.Equal("Tanjung", all.First(g => g.Gap.DesaKode == Tanjung).DesaNama);
        Assert.Contains(new RoutingGap(Tanjung, "PR-RTLH", "KADES", RecipientKind.Primary, ["CAMAT"]), tanjung, GapComparer.Instance);
        Assert.Contains(new RoutingGap(Tanjung, "PR-RTLH", "KETUA_TP_POSYANDU", RecipientKind.Copy, []), tanjung, GapComparer.Instance);
        // Perian has every role of the RTLH rule: no RTLH gap there.
        Assert.DoesNotContain(all, g => g.Gap.DesaKode == Perian && g.Gap.Topic == "PR-RTLH");
    }

    private sealed class GapComparer : IEqualityComparer<RoutingGap>
    {
        public static readonly GapComparer Instance = new();

        public bool Equals(RoutingGap? x, RoutingGap? y) =>
            x is not null && y is not null && (x.DesaKode, x.Topic, x.Role, x.Kind) == (y.DesaKode, y.Topic, y.Role, y.Kind) && x.FallsBackTo.SequenceEqual(y.FallsBackTo);

        public int GetHashCode(RoutingGap obj) => HashCode.Combine(obj.DesaKode, obj.Topic, obj.Role, obj.Kind);
    }
}
