using System.Globalization;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Referrals.Outbox;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio/status</c>: Twilio's signed delivery report for a message the bot sent. Kept on the outbox row;
/// a failed WhatsApp alert goes out again on the person's Telegram, else by SMS.
/// </summary>
internal static class TwilioStatusCallback
{
    private static readonly string[] Fallbacks = ["telegram", TwilioChannel.Sms];

    public static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptionsMonitor<TwilioOptions> options,
        DeliveryReports reports,
        IEnumerable<IChannelSender> senders,
        IHostApplicationLifetime lifetime)
    {
        var twilio = options.CurrentValue;
        var (form, status) = await TwilioRequests.ReadSignedFormAsync(http, twilio);
        if (form is null)
        {
            return Results.StatusCode(status);
        }

        var sid = form["MessageSid"].ToString();
        var state = form["MessageStatus"].ToString();
        if (sid.Length is 0 or > 100 || state.Length is 0 or > 32)
        {
            return Results.BadRequest("MessageSid dan MessageStatus wajib ada");
        }

        var errorCode = int.TryParse(form["ErrorCode"], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
        var active = senders.Select(s => s.Channel).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await reports.RecordAsync(sid, state, errorCode, [.. Fallbacks.Where(active.Contains)],
            active.Contains(TwilioChannel.Sms) ? [TwilioChannel.Sms] : [], lifetime.ApplicationStopping);
        // A report for a message this bot does not know (sent by another system on the account) is simply acknowledged.
        return Results.NoContent();
    }
}
