using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Routing;

/// <summary>
/// A role the routing table names for a topic that nobody holds for a desa, and the roles its referrals go to instead
/// (empty: a copy that is not sent, or a report that nobody would receive).
/// </summary>
public sealed record RoutingGap(string DesaKode, string Topic, string Role, RecipientKind Kind, IReadOnlyList<string> FallsBackTo);
