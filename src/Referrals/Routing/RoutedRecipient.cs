using Posyandu.Referrals.Persistence;

namespace Posyandu.Referrals.Routing;

/// <summary>A person routing chose for a referral, as primary or copy, with the reason when it was a fallback.</summary>
public sealed record RoutedRecipient(Person Person, RecipientKind Kind, string? Reason);
