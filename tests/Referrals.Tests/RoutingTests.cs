using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Roster;
using Posyandu.Referrals.Routing;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

public class RoutingTests
{
    private const string Perian = "64.02.01.2001";
    private const string Sukamaju = "64.02.01.2098";

    [Fact]
    public async Task Rtlh_goes_to_the_kepala_desa_and_kasi_kesra_with_the_tp_posyandu_in_copy()
    {
        await using var host = await TestHost.StartAsync();
        var routed = await RouteAsync(host, Perian, "PR-RTLH");

        Assert.Equal(
            [("Abdul Rahman", RecipientKind.Primary, null), ("Yuliani", RecipientKind.Primary, null), ("Nurhayati", RecipientKind.Copy, null)],
            routed.Select(r => (r.Person.Nama, r.Kind, r.Reason)));
    }

    [Fact]
    public async Task A_missing_role_falls_back_to_the_kepala_desa_with_the_reason_kept()
    {
        await using var host = await TestHost.StartAsync();

        // Sukamaju has a Kepala Desa only: no Kasi Kesra, no Ketua TP Posyandu.
        var routed = await RouteAsync(host, Sukamaju, "PR-RTLH");
        var only = Assert.Single(routed);
        Assert.Equal(("Hendra Gunawan", RecipientKind.Primary), (only.Person.Nama, only.Kind));
        Assert.Equal("KASI_KESRA tidak ada, dialihkan ke KADES", only.Reason);

        // KS-BALITA: the Bidan Desa is missing, the Kepala Desa is primary instead (no longer only a copy).
        var balita = await RouteAsync(host, Sukamaju, "KS-BALITA");
        var kades = Assert.Single(balita);
        Assert.Equal((RecipientKind.Primary, "BIDAN_DESA tidak ada, dialihkan ke KADES"), (kades.Kind, kades.Reason));
    }

    [Fact]
    public async Task A_desa_without_kepala_desa_goes_to_the_escalation_roles_covering_it()
    {
        await using var host = await TestHost.StartAsync();
        const string Tanjung = "64.02.01.2050";
        await host.ImportAsync("peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang\nKADER,Sri,0812-5123-4600,64.02.01.2050,Tanjung,Posyandu Anggrek,3,\n");

        var rtlh = await RouteAsync(host, Tanjung, "PR-RTLH");
        Assert.Equal(["Muhammad Yusuf"], rtlh.Select(r => r.Person.Nama).Distinct());
        Assert.All(rtlh, r => Assert.Equal(RecipientKind.Primary, r.Kind));
        Assert.Contains("KADES tidak ada, dialihkan ke CAMAT", rtlh[0].Reason, StringComparison.Ordinal);

        // TR-BENCANA escalates to BPBD (kabupaten) and the Camat (kecamatan): both cover the desa by code prefix.
        var bencana = await RouteAsync(host, Tanjung, "TR-BENCANA");
        Assert.Equal(["Muhammad Yusuf", "Rudi Hartono"], bencana.Select(r => r.Person.Nama).Order());

        // A topic with no escalation holder in the roster still finds the last-resort chain.
        var kekerasan = await RouteAsync(host, Tanjung, "SO-KEKERASAN");
        Assert.Contains(kekerasan, r => r.Person.Nama == "Dewi Lestari" && r.Kind == RecipientKind.Primary);
    }

    [Fact]
    public async Task A_confidential_topic_never_falls_back_to_a_role_it_does_not_name()
    {
        await using var host = await TestHost.StartAsync(demoRoster: false);
        await host.ImportAsync("""
            peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang
            KADER,Sri,0812-5123-4600,64.05.01.2001,Teluk,Posyandu Anggrek,3,
            CAMAT,Bambang,0812-5123-4601,64.05.01,Kenohan,,,
            """);

        // SO-KEKERASAN names UPTD_PPA, KADES and DPMD only: with none of them here, nobody else may see it.
        Assert.Empty(await RouteAsync(host, "64.05.01.2001", "SO-KEKERASAN"));
        Assert.Equal(["Bambang"], (await RouteAsync(host, "64.05.01.2001", "PR-RTLH")).Select(r => r.Person.Nama));

        await host.ImportAsync("peran,nama,telepon,kode_wilayah,nama_wilayah,posyandu,hari_buka,bidang\nKADES,Joko,0812-5123-4602,64.05.01.2001,Teluk,,,\n");
        var routed = Assert.Single(await RouteAsync(host, "64.05.01.2001", "SO-KEKERASAN"));
        Assert.Equal(("Joko", RecipientKind.Primary, "UPTD_PPA tidak ada, dialihkan ke KADES"), (routed.Person.Nama, routed.Kind, routed.Reason));
    }

    [Fact]
    public async Task A_desa_of_another_kecamatan_is_not_covered_by_this_camat()
    {
        await using var host = await TestHost.StartAsync();
        var routed = await RouteAsync(host, "64.02.02.2001", "PR-RTLH");
        Assert.DoesNotContain(routed, r => r.Person.Peran == Peran.Camat);
        Assert.Equal(["Arif Budiman"], routed.Select(r => r.Person.Nama));
    }

    [Fact]
    public async Task Every_default_topic_finds_a_recipient_in_the_demo_desa()
    {
        await using var host = await TestHost.StartAsync();
        foreach (var rule in RoutingDefaults.All)
        {
            var routed = await RouteAsync(host, Perian, rule.Topic);
            Assert.True(routed.Any(r => r.Kind == RecipientKind.Primary), $"{rule.Topic} has no primary recipient");
            Assert.Equal(routed.Count, routed.Select(r => r.Person.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task Escalation_skips_people_already_on_the_referral()
    {
        await using var host = await TestHost.StartAsync();
        await using var db = host.Db();
        var camat = await host.PersonAsync("+6281351110010");

        var first = await ReferralRouter.EscalateAsync(db, Perian, RoutingDefaults.For("PR-RTLH"), new HashSet<long>(), "ditolak", CancellationToken.None);
        Assert.Equal([camat.Id], first.Select(r => r.Person.Id));

        var next = await ReferralRouter.EscalateAsync(db, Perian, RoutingDefaults.For("PR-RTLH"), new HashSet<long> { camat.Id }, "ditolak", CancellationToken.None);
        Assert.Equal(["Arif Budiman"], next.Select(r => r.Person.Nama));
    }

    [Fact]
    public void Unknown_topics_go_to_the_kepala_desa()
    {
        var rule = RoutingDefaults.For("XX-BARU");
        Assert.Equal([Peran.Kades], rule.Primary);
        Assert.Equal([Peran.Camat], rule.Escalation);
        Assert.False(rule.Restricted);
        Assert.True(RoutingDefaults.For("PR-RTLH", confidential: true).Restricted);
        Assert.True(RoutingDefaults.For("SO-KEKERASAN").Restricted);
    }

    private static async Task<IReadOnlyList<RoutedRecipient>> RouteAsync(TestHost host, string desa, string topic)
    {
        await using var db = host.Db();
        return await ReferralRouter.RouteAsync(db, desa, RoutingDefaults.For(topic), CancellationToken.None);
    }
}
