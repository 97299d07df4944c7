using Posyandu.Conversation;

namespace Posyandu.Referrals.Intake;

/// <summary>
/// One message as a channel adapter hands it over: which channel and chat it came from, the platform's id (the dedupe
/// key), the message itself and, when the person shared a phone number, that claim.
/// </summary>
/// <param name="Channel">Channel name: <c>telegram</c>, <c>simulator</c>, later <c>whatsapp</c>, <c>sms</c>.</param>
/// <param name="Address">The chat on that channel: Telegram chat id, phone number for Twilio and the simulator.</param>
/// <param name="PlatformMessageId">Unique per channel (Telegram <c>update_id</c>, Twilio <c>MessageSid</c>).</param>
/// <param name="Message">The message; null for an update that carries only a <paramref name="PhoneClaim"/>.</param>
/// <param name="PhoneClaim">A phone number the sender shared, and whether the platform proved it is their own.</param>
/// <param name="Notice">What the channel could not take (a photo too large), told to a known person before the dialog's answer.</param>
public sealed record InboundEnvelope(string Channel, string Address, string PlatformMessageId, Inbound? Message, PhoneClaim? PhoneClaim = null, string? Notice = null);

/// <summary>
/// A shared phone number; <see cref="Verified"/> only when it is the sender's own (Telegram: contact.user_id == from.id;
/// Twilio: From). <see cref="EveryMessage"/>: the platform states it with every message (Twilio), so a number that is not
/// in the roster is told so once, not at every message.
/// </summary>
public sealed record PhoneClaim(string RawPhone, bool Verified, bool EveryMessage = false);

public enum InboundOutcome { Handled, Duplicate }
