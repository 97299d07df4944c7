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
/// <see cref="InboundHandler"/>: text, a button press, a photo (downloaded into the media folder first, only when a roster
/// person's question asks for one and it fits the cap), a location pin or a shared contact. A blocked bot marks the chat
/// unreachable. Any other update, or one missing what the bot needs (a message without its chat), is recorded and logged,
/// never thrown: Telegram would deliver it again forever.
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
            { Message: { } message } => HandleMessageAsync(update, message, cancellationToken),
            { CallbackQuery: { } query } => HandleCallbackAsync(update, query, cancellationToken),
            { MyChatMember: { } member } => HandleMembershipAsync(update, member, cancellationToken),
            _ => UnusedAsync(update, "jenis update tidak ditangani", cancellationToken),
        };
    }

    private async Task<TelegramUpdateOutcome> HandleMessageAsync(Update update, Message message, CancellationToken cancellationToken)
    {
        // Telegram.Bot declares the chat non-null, but a payload without one still reads: it is checked here.
        if (message.Chat is null)
        {
            return await UnusedAsync(update, "pesan tanpa chat", cancellationToken);
        }

        // People report from their own private chat; a group the bot was added to is not a place for reports.
        if (message.Chat.Type != ChatType.Private)
        {
            return await UnusedAsync(update, $"chat {message.Chat.Type}", cancellationToken);
        }

        var chat = Address(message.Chat.Id);
        var platformId = PlatformId(update.Id);

        if (message.Contact is { PhoneNumber: { Length: > 0 } phone } contact)
        {
            // Only a contact the sender shared of themself proves their number; a forwarded card proves nothing.
            var own = contact.UserId is { } userId && message.From is { } from && userId == from.Id;
            return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, chat, platformId, null, new PhoneClaim(phone, own)), cancellationToken);
        }

        if (PhotoFileOf(message) is { } photoFile)
        {
            return await HandlePhotoAsync(chat, platformId, photoFile, message.Caption, cancellationToken);
        }

        Inbound content = message switch
        {
            { Location: { } location } when IsOnEarth(location) => Inbound.OfLocation(new GeoPoint(location.Latitude, location.Longitude)),
            { Text: { } text } => Inbound.OfText(text),
            // A voice note, sticker, video or an empty contact card: hand over what words there are, so the bot answers
            // with the question again.
            _ => Inbound.OfText(message.Caption ?? ""),
        };
        return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, chat, platformId, content), cancellationToken);
    }

    /// <summary>
    /// A photo is fetched only for a roster person whose question asks for one and only when it fits the cap. Otherwise
    /// it goes on as a photo without a file: a stranger is asked who they are, a question for words asks for words, and a
    /// photo too large is explained first.
    /// </summary>
    private async Task<TelegramUpdateOutcome> HandlePhotoAsync(string chat, string platformId, PhotoFile photo, string? caption, CancellationToken cancellationToken)
    {
        if (await inbound.IsDuplicateAsync(TelegramChannel.Name, platformId, cancellationToken))
        {
            // A redelivered photo: do not download it a second time.
            return TelegramUpdateOutcome.Duplicate;
        }

        var notFetched = new Inbound(InboundKind.Photo, Text: caption);
        if (!await inbound.AwaitsPhotoAsync(TelegramChannel.Name, chat, cancellationToken))
        {
            logger.LogInformation("Foto dari chat Telegram {Chat} tidak diunduh: tidak ada pertanyaan foto", chat);
            return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, chat, platformId, notFetched), cancellationToken);
        }

        var mediaId = TelegramPhotoDownloader.Fits(photo.FileSize)
            ? await photos.DownloadAsync(photo.FileId, photo.MimeType, cancellationToken)
            : null;
        if (mediaId is null)
        {
            logger.LogInformation("Foto dari chat Telegram {Chat} ditolak: lebih dari {MaxBytes} byte ({Declared})",
                chat, TelegramPhotoDownloader.MaxBytes, photo.FileSize);
            return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, chat, platformId, notFetched, Notice: TelegramTexts.PhotoTooLarge()), cancellationToken);
        }

        return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, chat, platformId, Inbound.OfPhoto(mediaId, caption)), cancellationToken);
    }

    private async Task<TelegramUpdateOutcome> HandleCallbackAsync(Update update, CallbackQuery query, CancellationToken cancellationToken)
    {
        try
        {
            // The button sits in the private chat with the person, whose chat id equals their user id.
            var chatId = query.Message is { } message ? message.Chat?.Id : query.From?.Id;
            if (query.Data is not { Length: > 0 } data || chatId is null || query.Message is { Chat.Type: not ChatType.Private })
            {
                return await UnusedAsync(update, "tombol tanpa data atau chat pribadi", cancellationToken);
            }

            return await SubmitAsync(new InboundEnvelope(TelegramChannel.Name, Address(chatId.Value), PlatformId(update.Id), Inbound.OfChoice(data)), cancellationToken);
        }
        finally
        {
            await AnswerCallbackAsync(query.Id, cancellationToken);
        }
    }

    private async Task<TelegramUpdateOutcome> HandleMembershipAsync(Update update, ChatMemberUpdated member, CancellationToken cancellationToken)
    {
        if (member.Chat is null || member.NewChatMember?.Status != ChatMemberStatus.Kicked)
        {
            return await UnusedAsync(update, "status anggota selain diblokir", cancellationToken);
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

    /// <summary>Records an update the bot does not use, with a log line saying what it was; nothing is answered.</summary>
    private async Task<TelegramUpdateOutcome> UnusedAsync(Update update, string reason, CancellationToken cancellationToken)
    {
        var outcome = await inbound.RecordUnusedAsync(TelegramChannel.Name, PlatformId(update.Id), cancellationToken);
        if (outcome == InboundOutcome.Duplicate)
        {
            return TelegramUpdateOutcome.Duplicate;
        }

        logger.LogInformation("Update Telegram {UpdateId} ({Kind}) dicatat, tidak dipakai: {Reason}", update.Id, update.Type, reason);
        return TelegramUpdateOutcome.Ignored;
    }

/// <summary>Stops the spinner on the pressed button. Best effort: an old or repeated query may be refused by Telegram.</summary>
    private async Task AnswerCallbackAsync(string? queryId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(queryId))
        {
            return;
        }

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
    private static PhotoFile? PhotoFileOf(Message message) => message switch
    {
        { Photo: [.., { FileId: { Length: > 0 } id } largest] } => new PhotoFile(id, "image/jpeg", largest.FileSize),
        { Document: { FileId: { Length: > 0 } id, MimeType: { } mime } document } when mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            => new PhotoFile(id, mime, document.FileSize),
        _ => null,
    };

    // A pin outside these bounds is no place; it would be stored and shown to officials as a map link.
    private static bool IsOnEarth(Location location) =>
        Math.Abs(location.Latitude) <= 90 && Math.Abs(location.Longitude) <= 180;

    private static string Address(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    private static string PlatformId(int updateId) => updateId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A photo's file as Telegram describes it; <see cref="FileSize"/> is what the sender's app declared, when given.</summary>
internal readonly record struct PhotoFile(string FileId, string? MimeType, long? FileSize);

/// <summary>What became of one update: handled, a duplicate of one already handled, or of a kind the bot ignores.</summary>
internal enum TelegramUpdateOutcome { Handled, Duplicate, Ignored }
