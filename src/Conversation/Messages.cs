namespace Posyandu.Conversation;

/// <summary>What a person sent, whatever the platform: typed text, a button press, a photo or a location pin.</summary>
public sealed record Inbound(InboundKind Kind, string? Text = null, string? ChoiceData = null, string? PhotoId = null, GeoPoint? Location = null)
{
    public static Inbound OfText(string text) => new(InboundKind.Text, Text: text);
    public static Inbound OfChoice(string data) => new(InboundKind.Choice, ChoiceData: data);
    public static Inbound OfPhoto(string photoId, string? caption = null) => new(InboundKind.Photo, Text: caption, PhotoId: photoId);
    public static Inbound OfLocation(GeoPoint point) => new(InboundKind.Location, Location: point);
}

public enum InboundKind { Text, Choice, Photo, Location }

/// <summary>A shared location pin.</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    public string MapLink => FormattableString.Invariant($"https://maps.google.com/?q={Latitude:0.######},{Longitude:0.######}");
}

/// <summary>
/// One message the bot sends: text, optional buttons, an optional request (share contact/location) and an optional stored
/// photo. <see cref="Confidential"/> marks content of a confidential topic, shown to nobody but the person it is for.
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<Button> Buttons, ReplyRequest Request = ReplyRequest.None, string? PhotoId = null, bool Confidential = false)
{
    public static Reply Plain(string text) => new(text, []);
}

/// <summary>A choice button; <see cref="Data"/> is what comes back when it is pressed (at most 64 bytes, Telegram's limit).</summary>
public sealed record Button(string Label, string Data);

public enum ReplyRequest { None, Contact, Location }

/// <summary>How urgent a report is; sets the referral deadlines.</summary>
public enum Urgency { Biasa, Segera, Darurat }
