using System.Globalization;
using Posyandu.Conversation;
using Posyandu.Referrals.Intake;
using Posyandu.Referrals.Outbox;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>
/// One Telegram update, from the webhook or from polling, turned into an <see cref="InboundEnvelope"/> and handed to the
/// <see cref="InboundHandler"/>: text, a button press, a photo (downloaded into the media folder first), a location pin or a
/// shared contact. A blocked bot marks the chat unreachable; every other kind of update is ignored.
/// </summary>
internal sealed class TelegramUpdateHandler(
    InboundHandler inbound,
    ChannelLinks links,
    TelegramPhotoDownloader photos,
    ITelegramBotClient bot,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>The update kinds the bot asks Telegram for (webhook and polling alike).</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>Handles the update; returns once it is durably recorded. Throws only when it must be delivered again.</summary>
    public Task<TelegramUpdateOutcome> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { } message } => HandleMessageAsync(update.Id, message, cancellationToken),
            { CallbackQuery: { } query } => HandleCallbackAsync(update.Id, query, cancellationToken),
            { MyChatMember: { } member } => HandleMembershipAsync(member, cancellationToken),
            _ => Task.FromResult(TelegramUpdateOutcome.Ignored),
        };
    }

    private async Task<TelegramUpdateOutcome> HandleMessageAsync(int updateId, Message message, CancellationToken cancellationToken)
    {
        // People report from their own private chat; a group the bot was added to is not a place for reports.
        if (message.Chat.Type != ChatType.Private)
        {
            return TelegramUpdateOutcome.Ignored;
        }

        var chat = Address(message.Chat.Id);
        var platformId = PlatformId(updateId);

        if (message.Contact is { } contact)
        {
            // Only a contact the sender shared of themself proves their number; a forwarded card proves nothing.
            var own = contact.UserId is { } userId && message.From is { } from && userId == from.Id;
            return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, chat, platformId, null, new PhoneClaim(contact.PhoneNumber, own)), cancellationToken);
        }

        var photoFile = PhotoFileOf(message);
        if (photoFile is not null && await inbound.IsDuplicateAsync(TelegramChannel.Name, platformId, cancellationToken))
        {
            // A redelivered photo: do not download it a second time.
            return TelegramUpdateOutcome.Duplicate;
        }

        Inbound content = message switch
        {
            _ when photoFile is not null => Inbound.OfPhoto(await photos.DownloadAsync(photoFile.Value.FileId, photoFile.Value.MimeType, cancellationToken), message.Caption),
            { Location: { } location } => Inbound.OfLocation(new GeoPoint(location.Latitude, location.Longitude)),
            { Text: { } text } => Inbound.OfText(text),
            // A voice note, sticker or video: hand over what words there are, so the bot answers with the question again.
            _ => Inbound.OfText(message.Caption ?? ""),
        };
        return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, chat, platformId, content), cancellationToken);
    }

    private async Task<TelegramUpdateOutcome> HandleCallbackAsync(int updateId, CallbackQuery query, CancellationToken cancellationToken)
    {
        try
        {
            if (query.Data is not { Length: > 0 } data)
            {
                return TelegramUpdateOutcome.Ignored;
            }

            // The button sits in the private chat with the person, whose chat id equals their user id.
            var chat = Address(query.Message?.Chat.Id ?? query.From.Id);
            return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, chat, PlatformId(updateId), Inbound.OfChoice(data)), cancellationToken);
        }
        finally
        {
            await AnswerCallbackAsync(query.Id, cancellationToken);
        }
    }

    private async Task<TelegramUpdateOutcome> HandleMembershipAsync(ChatMemberUpdated member, CancellationToken cancellationToken)
    {
        if (member.NewChatMember.Status != ChatMemberStatus.Kicked)
        {
            return TelegramUpdateOutcome.Ignored;
        }

        // The person blocked the bot: stop sending there until they write again.
        await links.MarkUnreachableAsync(TelegramChannel.Name, Address(member.Chat.Id), cancellationToken);
        logger.LogInformation("Chat Telegram {Chat} memblokir bot; ditandai tidak terjangkau", member.Chat.Id);
        return TelegramUpdateOutcome.Handled;
    }

    private async Task<TelegramUpdateOutcome> SubmitAsync(InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        var outcome = await inbound.HandleAsync(envelope, cancellationToken);
        return outcome == InboundOutcome.Duplicate ? TelegramUpdateOutcome.Duplicate : TelegramUpdateOutcome.Handled;
    }

    /// <summary>Stops the spinner on the pressed button. Best effort: an old or repeated query may be refused by Telegram.</summary>
    private async Task AnswerCallbackAsync(string queryId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(queryId, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is global::Telegram.Bot.Exceptions.RequestException or HttpRequestException or TaskCanceledException)
        {
            logger.LogDebug("answerCallbackQuery gagal: {Error}", exception.GetType().Name);
        }
    }

    /// <summary>The largest size of a photo, or a document sent "as file" that is an image.</summary>
    private static (string FileId, string? MimeType)? PhotoFileOf(Message message) => message switch
    {
        { Photo: { Length: > 0 } sizes } => (sizes[^1].FileId, "image/jpeg"),
        { Document: { MimeType: { } mime } document } when mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => (document.FileId, mime),
        _ => null,
    };

    private static string Address(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    private static string PlatformId(int updateId) => updateId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What became of one update: handled, a duplicate of one already handled, or of a kind the bot ignores.</summary>
internal enum TelegramUpdateOutcome { Handled, Duplicate, Ignored }
