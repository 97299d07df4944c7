using Posyandu.Referrals.Roster;

namespace Posyandu.Referrals.Routing;

/// <summary>The referral routing defaults of roster.md, for every topic; they hold where an administrator set nothing else.</summary>
public static class RoutingDefaults
{
    private static readonly RoutingRule[] Rules =
    [
        new("PR-RTLH", [Peran.Kades, Peran.KasiKesra], [Peran.KetuaTpPosyandu], [Peran.Camat]),
        new("KS-BALITA", [Peran.BidanDesa], [Peran.Kades, Peran.KetuaTpPosyandu], [Peran.Puskesmas]),
        new("KS-BUMIL", [Peran.BidanDesa], [Peran.Kades, Peran.KetuaTpPosyandu], [Peran.Puskesmas]),
        new("PD-ATS", [Peran.KasiKesra], [Peran.Kades], [Peran.Camat]),
        new("PD-PAUD", [Peran.KasiKesra], [Peran.Kades], [Peran.Camat]),
        new("PU-SARANA", [Peran.KaurPerencanaan, Peran.Kades], [], [Peran.Camat]),
        new("PU-AIR-SANITASI", [Peran.KaurPerencanaan, Peran.Kades], [], [Peran.Camat]),
        new("TR-BENCANA", [Peran.Kades, Peran.Babinsa, Peran.Bhabinkamtibmas, Peran.Linmas], [Peran.KetuaTpPosyandu], [Peran.Bpbd, Peran.Camat]),
        new("TR-KEAMANAN", [Peran.Bhabinkamtibmas, Peran.Babinsa], [Peran.Kades], [Peran.Camat]),
        new("SO-RENTAN", [Peran.KasiKesra, Peran.PendampingPkh], [Peran.Kades, Peran.Tksk], [Peran.Dinsos]),
        new("SO-KEKERASAN", [Peran.UptdPpa], [Peran.Kades], [Peran.Dpmd], Restricted: true),
    ];

    /// <summary>The escalation chain when a topic's own escalation roles have nobody: kecamatan, then kabupaten.</summary>
    public static readonly IReadOnlyList<string> LastResort = [Peran.Camat, Peran.Dpmd];

    public static IReadOnlyList<RoutingRule> All => Rules;

    /// <summary>The rule of <paramref name="topic"/>; a topic added to the catalog without a rule goes to the Kepala Desa, escalating to the Camat.</summary>
    public static RoutingRule For(string topic) =>
        Rules.FirstOrDefault(r => string.Equals(r.Topic, topic, StringComparison.OrdinalIgnoreCase))
        ?? new RoutingRule(topic, [Peran.Kades], [], [Peran.Camat]);

    /// <summary>The rule of <paramref name="topic"/>; a confidential report keeps to the roles its topic names.</summary>
    public static RoutingRule For(string topic, bool confidential)
    {
        var rule = For(topic);
        return confidential && !rule.Restricted ? rule with { Restricted = true } : rule;
    }
}
