using Microsoft.EntityFrameworkCore;
using Posyandu.Referrals.Persistence;
using Posyandu.Referrals.Routing;
using Posyandu.Referrals.Tests.Support;

namespace Posyandu.Referrals.Tests;

/// <summary>
/// Routing overrides imported on the demo roster: new referrals, escalation and the gaps follow them; importing the same
/// file again changes nothing; <c>BAWAAN</c> gives a list back to the defaults.
/// </summary>
public sealed class RoutingOverrideTests
{
    private const string Perian = "64.02.01.2001";
    private const string Sukamaju = "64.02.01.2098";

    // Perian: RTLH to the Bidan Desa and the Linmas, copy to the Kepala Desa, escalation straight to the DPMD.
    private const string Csv = """
        kode_desa,topik,jenis,peran
        64.02.01.2001,PR-RTLH,utama,BIDAN_DESA+LINMAS
        64.02.01.2001,PR-RTLH,tembusan,KADES
        64.02.01.2001,PR-RTLH,eskalasi,DPMD
        64.02.01.2098,PR-RTLH,utama,BIDAN_DESA
        64.02.01.2050,PR-RTLH,utama,KADES
        """;

    [Fact]
    public async Task An_import_reports_each_line_and_importing_it_again_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();

        var first = await ImportAsync(host, Csv);
        Assert.Equal(
            [RoutingLineOutcome.Created, RoutingLineOutcome.Created, RoutingLineOutcome.Created, RoutingLineOutcome.Created, RoutingLineOutcome.Refused],
            first.Lines.Select(l => l.Outcome));
        Assert.Equal("64.02.01.2001 PR-RTLH utama: BIDAN_DESA, LINMAS (bawaan: KADES, KASI_KESRA)", first.Lines[0].Message);
        Assert.Equal(6, first.Lines[4].Line);

        var again = await ImportAsync(host, Csv);
        Assert.Equal((0, 0, 0, 4, 1), (again.Created, again.Updated, again.Removed, again.Unchanged, again.Refused));
        await using var db = host.Db();
        Assert.Equal(4, await db.RoutingOverrides.CountAsync());
    }

    [Fact]
    public async Task A_new_referral_goes_to_the_overriding_roles_and_escalates_along_the_overriding_chain()
    {
        await using var host = await TestHost.StartAsync();
        await ImportAsync(host, Csv);
        await using var db = host.Db();

        var rule = await RoutingTable.RuleForAsync(db, Perian, "PR-RTLH", confidential: false, CancellationToken.None);
        var routed = await ReferralRouter.RouteAsync(db, Perian, rule, CancellationToken.None);
        Assert.Equal(
            [("Ratna Sari", RecipientKind.Primary), ("Samsul Bahri", RecipientKind.Primary), ("Abdul Rahman", RecipientKind.Copy)],
            routed.Select(r => (r.Person.Nama, r.Kind)));

        var escalated = await ReferralRouter.EscalateAsync(db, Perian, rule, routed.Select(r => r.Person.Id).ToHashSet(), "ditolak", CancellationToken.None);
        Assert.Equal(["Arif Budiman"], escalated.Select(r => r.Person.Nama));

        // Another topic and another desa keep the defaults.
        var balita = await RoutingTable.RuleForAsync(db, Perian, "KS-BALITA", confidential: false, CancellationToken.None);
        Assert.Equal(RoutingDefaults.For("KS-BALITA"), balita);
    }

    [Fact]
    public async Task The_gaps_follow_the_overrides_and_BAWAAN_gives_the_defaults_back()
    {
        await using var host = await TestHost.StartAsync();
        await ImportAsync(host, Csv);
        var gaps = host.Get<RoutingGaps>();

        // Sukamaju has only its Kepala Desa: the overriding Bidan Desa is missing there, the default Kasi Kesra no longer is.
        var sukamaju = await RtlhGapsAsync(gaps, Sukamaju);
        Assert.Contains(("BIDAN_DESA", RecipientKind.Primary, "KADES"), sukamaju);
        Assert.DoesNotContain(sukamaju, g => g.Role == "KASI_KESRA");
        Assert.Empty(await RtlhGapsAsync(gaps, Perian));

        var back = await ImportAsync(host, "kode_desa,topik,jenis,peran\n64.02.01.2098,PR-RTLH,utama,BAWAAN\n64.02.01.2098,KS-BALITA,utama,BAWAAN\n");
        Assert.Equal([RoutingLineOutcome.Removed, RoutingLineOutcome.Unchanged], back.Lines.Select(l => l.Outcome));
        var restored = await RtlhGapsAsync(gaps, Sukamaju);
        Assert.Contains(("KASI_KESRA", RecipientKind.Primary, "KADES"), restored);
        Assert.DoesNotContain(restored, g => g.Role == "BIDAN_DESA");
    }

    private static async Task<List<(string Role, RecipientKind Kind, string FallsBackTo)>> RtlhGapsAsync(RoutingGaps gaps, string desa) =>
        [.. (await gaps.ListAsync(desa, CancellationToken.None)).Select(g => g.Gap).Where(g => g.Topic == "PR-RTLH").Select(g => (g.Role, g.Kind, string.Join(",", g.FallsBackTo)))];

    private static Task<RoutingImportResult> ImportAsync(TestHost host, string csv) =>
        host.Get<RoutingImporter>().ImportAsync(new StringReader(csv), CancellationToken.None);
}
