using System.Globalization;
using Posyandu.Conversation;
using Posyandu.Referrals.Intake;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// One signed Twilio message (WhatsApp or SMS) turned into an <see cref="InboundEnvelope"/>: the sender's number in
/// <c>From</c> is a verified phone claim, <c>MessageSid</c> the dedupe key; a photo is downloaded first, a WhatsApp
/// location becomes a location. Every field is optional to Twilio, so each is read with care.
/// </summary>
internal sealed class TwilioMessageHandler(InboundHandler inbound, TwilioMediaDownloader media)
{
    /// <summary>Null when the form lacks what any message has (a sender and a MessageSid): the webhook answers 400.</summary>
    public async Task<InboundOutcome?> HandleAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var sid = form["MessageSid"].ToString();
        if (TwilioChannel.Parse(form["From"]) is not var (channel, number) || sid.Length is 0 or > 100)
        {
            return null;
        }

        var claim = new PhoneClaim(number, Verified: true, EveryMessage: true);
        var body = form["Body"].ToString();
        var photo = ImageOf(form);
        if (photo is not null && await inbound.IsDuplicateAsync(channel, sid, cancellationToken))
        {
            return InboundOutcome.Duplicate; // A redelivered photo: not downloaded twice.
        }

        Inbound message;
        if (photo is { } image && await media.DownloadAsync(image.Url, image.ContentType, cancellationToken) is { } photoId)
        {
            message = Inbound.OfPhoto(photoId, body.Length > 0 ? body : null);
        }
        else if (LocationOf(form) is { } point)
        {
            message = Inbound.OfLocation(point);
        }
        else
        {
            // A voice note, a PDF or a photo that could not be fetched: the words, so the bot asks its question again.
            message = Inbound.OfText(body);
        }

        return await inbound.HandleAsync(new InboundEnvelope(channel, number, sid, message, claim), cancellationToken);
    }

    /// <summary>The first image among the message's media.</summary>
    private static (string Url, string ContentType)? ImageOf(IFormCollection form)
    {
        if (!int.TryParse(form["NumMedia"], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        for (var i = 0; i < Math.Min(count, 10); i++)
        {
            var type = form[$"MediaContentType{i}"].ToString();
            var url = form[$"MediaUrl{i}"].ToString();
            if (url.Length > 0 && TwilioMediaDownloader.IsImage(type))
            {
                return (url, type);
            }
        }

        return null;
    }

    private static GeoPoint? LocationOf(IFormCollection form) =>
        double.TryParse(form["Latitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
        && double.TryParse(form["Longitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
        && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180
            ? new GeoPoint(latitude, longitude)
            : null;
}
