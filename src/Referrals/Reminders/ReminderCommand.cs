using Posyandu.Conversation;

namespace Posyandu.Referrals.Reminders;

/// <summary>
/// A person's word about reminders: <c>BERHENTI</c> (or <c>STOP</c>) stops reminders and digests, <c>MULAI</c> (or
/// <c>START</c>) resumes them. Referral alerts and notices are never stopped. Telegram's <c>/start</c> is not one of
/// them: it opens the menu.
/// </summary>
public static class ReminderCommand
{
    /// <summary>True: stop; false: resume; null: not a reminder command.</summary>
    public static bool? TryParse(Inbound message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != InboundKind.Text || message.Text is not { } text || text.TrimStart().StartsWith('/'))
        {
            return null;
        }

        return text.Trim().TrimEnd('.', '!').ToUpperInvariant() switch
        {
            "BERHENTI" or "STOP" => true,
            "MULAI" or "START" => false,
            _ => null,
        };
    }

    /// <summary>Whether the word is START, which only resumes reminders that were stopped (otherwise it opens the menu).</summary>
    public static bool IsStart(Inbound message) =>
        message is { Kind: InboundKind.Text, Text: { } text } && text.Trim().TrimEnd('.', '!').Equals("START", StringComparison.OrdinalIgnoreCase);
}
