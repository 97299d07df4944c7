using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Posyandu.Bot.Host.Configuration;
using Posyandu.Bot.Host.Security;
using Posyandu.Conversation;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.Persistence;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Posyandu.Bot.Host.Channels.Twilio;

/// <summary>
/// Sends outbox messages on WhatsApp or SMS through Twilio's Messages API, worded for the channel and split at word ends.
/// WhatsApp free-form text only goes within 24 hours of the person's last message; outside it the kind's template
/// (<c>Twilio:Templates:&lt;Kind&gt;</c>), else SMS, else the message waits for the person. Errors become a
/// <see cref="SendResult"/> with Twilio's code: 429/5xx later, 21610 opted out, other 4xx rejected.
/// </summary>
internal sealed class TwilioSender : IChannelSender
{
    /// <summary>WhatsApp's free-form window after the person's last message.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>A WhatsApp media message's caption limit.</summary>
    private const int MaxCaption = 1024;

    private const int MaxTemplateText = 1000;

    private readonly TwilioClients _clients;
    private readonly IOptions<TwilioOptions> _options;
    private readonly TwilioMediaLinks _mediaLinks;
    private readonly IDbContextFactory<PosyanduDb> _dbFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<TwilioSender> _logger;

    public TwilioSender(string channel, TwilioClients clients, IOptions<TwilioOptions> options, TwilioMediaLinks mediaLinks,
        IDbContextFactory<PosyanduDb> dbFactory, TimeProvider time, ILogger<TwilioSender> logger)
    {
        Channel = channel;
        _clients = clients;
        _options = options;
        _mediaLinks = mediaLinks;
        _dbFactory = dbFactory;
        _time = time;
        _logger = logger;
    }

    public string Channel { get; }

    public Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken) =>
        SendAsync(new OutboundMessage(0, OutboxKind.Reply, null, address, reply), cancellationToken);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TwilioChannel.Parse(message.Address) is not (_, var number))
        {
            return SendResult.Rejected("Alamat WhatsApp/SMS tidak sah");
        }

        try
        {
            if (Channel == TwilioChannel.Sms)
            {
                return await SendFreeFormAsync(TwilioChannel.Sms, number, message.Reply, cancellationToken);
            }

            if (!await WithinWindowAsync(number, cancellationToken))
            {
                return await OutsideWindowAsync(number, message, cancellationToken);
            }

            var sent = await SendFreeFormAsync(TwilioChannel.WhatsApp, number, message.Reply, cancellationToken);
            return sent.ErrorCode == TwilioErrors.OutsideWindow ? await OutsideWindowAsync(number, message, cancellationToken) : sent;
        }
        catch (ApiConnectionException exception)
        {
            return SendResult.RetryLater(null, Describe(exception));
        }
        catch (HttpRequestException exception)
        {
            return SendResult.RetryLater(null, Describe(exception));
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.RetryLater(null, Describe(exception));
        }
    }

    /// <summary>
    /// Whether the person wrote on this WhatsApp number within the last 24 hours. A number linked to nobody only ever gets
    /// the answer to what it just wrote (the polite refusal), so it counts as within.
    /// </summary>
    private async Task<bool> WithinWindowAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.ChannelLinks.Where(l => l.Channel == TwilioChannel.WhatsApp && l.Address == number)
            .Select(l => new { Last = l.LastInboundAt ?? l.LinkedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return link is null || _time.GetUtcNow() - link.Last < Window;
    }

    /// <summary>A free-form WhatsApp message would fail: the kind's template, else SMS, else wait for the person.</summary>
    private async Task<SendResult> OutsideWindowAsync(string number, OutboundMessage message, CancellationToken cancellationToken)
    {
        var twilio = _options.Value;
        if (twilio.TemplateFor(message.Kind.ToString()) is { } template)
        {
            return await SendTemplateAsync(number, template, message.Reply, cancellationToken);
        }

        if (twilio.SmsEnabled)
        {
            _logger.LogInformation("Outbox {Id}: di luar jendela 24 jam WhatsApp, dikirim lewat SMS", message.OutboxId);
            return await SendFreeFormAsync(TwilioChannel.Sms, number, message.Reply, cancellationToken);
        }

        return SendResult.WaitForPerson("Di luar jendela 24 jam WhatsApp, tanpa template atau SMS: menunggu orangnya menulis", TwilioErrors.OutsideWindow);
    }

    private async Task<SendResult> SendFreeFormAsync(string channel, string number, Reply reply, CancellationToken cancellationToken)
    {
        var capabilities = ChannelCapabilities.For(channel);
        var worded = ChannelWording.Adapt(reply, capabilities);
        // SMS in Indonesia carries no pictures; on WhatsApp the photo goes as a link Twilio fetches from this host.
        var photo = channel == TwilioChannel.WhatsApp && worded.PhotoId is { } photoId ? _mediaLinks.UrlFor(photoId) : null;
        var parts = ChannelWording.Split(worded.Text, capabilities.MaxLength);
        if (photo is not null && parts is not [{ Length: <= MaxCaption }])
        {
            // Too long for a caption: the photo alone first, then the words.
            var alone = await CreateAsync(NewMessage(channel, number, photo: photo), cancellationToken);
            if (alone.Status != SendStatus.Sent)
            {
                return alone;
            }

            photo = null;
        }

        SendResult result = SendResult.Rejected("Pesan kosong");
        for (var i = 0; i < parts.Count; i++)
        {
            result = await CreateAsync(NewMessage(channel, number, parts[i], i == 0 ? photo : null), cancellationToken);
            if (result.Status != SendStatus.Sent)
            {
                return result;
            }
        }

        return result;
    }

    private async Task<SendResult> SendTemplateAsync(string number, TwilioTemplate template, Reply reply, CancellationToken cancellationToken)
    {
        var message = NewMessage(TwilioChannel.WhatsApp, number);
        message.ContentSid = template.ContentSid.Trim();
        message.ContentVariables = TemplateVariables(template.Variables, reply);
        return await CreateAsync(message, cancellationToken);
    }

    /// <summary>The configured variables with <c>{text}</c> replaced by the message on one line (WhatsApp refuses line breaks there).</summary>
    internal static string TemplateVariables(string configured, Reply reply)
    {
        var text = ChannelWording.Adapt(reply, ChannelCapabilities.Sms).Text.ReplaceLineEndings(" | ");
        text = text.Length > MaxTemplateText ? text[..MaxTemplateText] : text;
        var variables = string.IsNullOrWhiteSpace(configured) ? new JsonObject { ["1"] = "{text}" } : JsonNode.Parse(configured)!.AsObject();
        foreach (var (name, value) in variables.ToList())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s))
            {
                variables[name] = s.Replace("{text}", text, StringComparison.Ordinal);
            }
        }

        return variables.ToJsonString();
    }

    private CreateMessageOptions NewMessage(string channel, string number, string? body = null, Uri? photo = null)
    {
        var twilio = _options.Value;
        var message = new CreateMessageOptions(new PhoneNumber(TwilioChannel.ToAddress(channel, number)))
        {
            From = new PhoneNumber(channel == TwilioChannel.WhatsApp ? twilio.WhatsAppFrom : twilio.SmsFrom),
            Body = body,
        };
        if (photo is not null)
        {
            message.MediaUrl = [photo];
        }

        if (twilio.PublicBaseUrl.Length > 0)
        {
            message.StatusCallback = new Uri(twilio.PublicBaseUrl + TwilioChannel.StatusPath);
        }

        return message;
    }

    private async Task<SendResult> CreateAsync(CreateMessageOptions message, CancellationToken cancellationToken)
    {
        try
        {
            var created = await MessageResource.CreateAsync(message, _clients.Create());
            return SendResult.Sent(created.Sid);
        }
        catch (ApiException exception)
        {
            return TwilioErrors.ToResult(exception);
        }
    }

    private string Describe(Exception exception) => $"{exception.GetType().Name}: {Redaction.Clean(exception.Message, _options.Value.AuthToken)}";
}
