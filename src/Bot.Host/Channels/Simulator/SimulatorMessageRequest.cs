using Posyandu.Conversation;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>
/// What the page posts to <c>/simulator/api/message</c> as a roster person: exactly one of a typed text, a pressed button's
/// data, a location pin, or the "share my number" answer to a contact request.
/// </summary>
internal sealed record SimulatorMessageRequest(
    long PersonId,
    string? Text = null,
    string? ChoiceData = null,
    SimulatorLocation? Location = null,
    bool ShareContact = false,
    string? Channel = null)
{
    /// <summary>The simulator chat for the channel the tester acts as (Telegram when none is given); null for an unknown one.</summary>
    public string? ChatChannel() => SimulatorChannels.ChatOf(Channel);

    private const int MaxTextLength = 4096;
    private const int MaxChoiceBytes = 64;

    /// <summary>
    /// The inbound message this request stands for, or the reason it is refused. A contact share carries no message (the
    /// verified phone claim that every simulator envelope carries is the whole point of it).
    /// </summary>
    public (Inbound? Message, string? Problem) Read()
    {
        var text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim();
        var choice = string.IsNullOrWhiteSpace(ChoiceData) ? null : ChoiceData;
        var kinds = (text is null ? 0 : 1) + (choice is null ? 0 : 1) + (Location is null ? 0 : 1) + (ShareContact ? 1 : 0);
        if (kinds == 0)
        {
            return (null, SimulatorTexts.EmptyMessage);
        }

        if (kinds > 1)
        {
            return (null, SimulatorTexts.OneKindOnly);
        }

        if (text is not null)
        {
            return text.Length > MaxTextLength ? (null, SimulatorTexts.TextTooLong) : (Inbound.OfText(text), null);
        }

        if (choice is not null)
        {
            return System.Text.Encoding.UTF8.GetByteCount(choice) > MaxChoiceBytes
                ? (null, SimulatorTexts.ChoiceTooLong)
                : (Inbound.OfChoice(choice), null);
        }

        if (Location is { } pin)
        {
            return pin.IsValid ? (Inbound.OfLocation(new GeoPoint(pin.Latitude, pin.Longitude)), null) : (null, SimulatorTexts.BadLocation);
        }

        return (null, null);
    }
}

/// <summary>A location pin as the page sends it.</summary>
internal sealed record SimulatorLocation(double Latitude, double Longitude)
{
    public bool IsValid =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude) && Math.Abs(Latitude) <= 90 && Math.Abs(Longitude) <= 180;
}
