namespace Posyandu.Referrals.Persistence;

/// <summary>
/// A row several transactions may change at once (a person's session from two chats, a referral two officials answer).
/// Every save bumps <see cref="Version"/> and checks the old one, so a concurrent change is detected, not overwritten.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
