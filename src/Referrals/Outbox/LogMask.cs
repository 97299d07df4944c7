namespace Posyandu.Referrals.Outbox;

/// <summary>Makes a chat address safe for logs: phone numbers masked (<c>+62812****4501</c>), chat ids kept.</summary>
public static class LogMask
{
    public static string Address(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "-";
        }

        // Twilio addresses carry a scheme ("whatsapp:+62…"); mask only the number part.
        var colon = address.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon >= 0 ? address[..(colon + 1)] : "";
        var number = colon >= 0 ? address[(colon + 1)..] : address;
        return number.StartsWith('+') ? prefix + Conversation.Parsing.PhoneNumbers.Mask(number) : address;
    }
}
