using System.Globalization;
using Posyandu.Bot.Host.Security;
using Posyandu.Conversation;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Outbox;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Posyandu.Bot.Host.Channels.Telegram;

/// <summary>
/// Sends outbox messages to a Telegram chat: text with keyboards, or a stored photo with the text as caption. Platform
/// errors become a <see cref="SendResult"/> (429 → later, honouring retry_after; 403 → unreachable; 401/404, the token
/// refused → the channel is down and messages wait; 5xx or network → later; any other 4xx → rejected); it never throws for them.
/// </summary>
internal sealed class TelegramSender(TelegramClients clients, MediaStore media, ILogger<TelegramSender> logger) : IChannelSender
{
    public string Channel => TelegramChannel.Name;

    public async Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        // A chat id: digits, negative for groups. Not a phone number, which would parse as a number too.
        if (address.StartsWith('+') || !long.TryParse(address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return SendResult.Rejected("Alamat chat Telegram tidak sah");
        }

        var bot = clients.Create();
        try
        {
            var sent = reply.PhotoId is { } photoId && OpenPhoto(photoId) is { } photo
                ? await SendWithPhotoAsync(bot, chatId, reply, photo, cancellationToken)
                : await SendTextAsync(bot, chatId, reply, cancellationToken);
            return SendResult.Sent(sent.MessageId.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException exception)
        {
            return FromApiError(exception);
        }
        catch (RequestException exception)
        {
            // Network failures and timeouts: the client wraps them; try again later.
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

    private static SendResult FromApiError(ApiRequestException exception)
    {
        var error = $"{exception.ErrorCode}: {Redaction.Clean(exception.Message)}";
        return exception.ErrorCode switch
        {
            429 => SendResult.RetryLater(exception.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : null, error),
            403 => SendResult.Unreachable(error),
            // The Bot API refuses the token itself (mistyped, revoked): every message would fail alike, so they wait.
            401 or 404 => SendResult.ChannelDown(error),
            >= 500 => SendResult.RetryLater(null, error),
            _ => SendResult.Rejected(error),
        };
    }

    private Stream? OpenPhoto(string photoId)
    {
        try
        {
            return media.OpenRead(photoId);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The words matter more than the picture: an alert still goes out when its photo file is gone.
            logger.LogWarning("Foto {PhotoId} tidak dapat dibuka ({Error}); pesan dikirim tanpa foto", photoId, exception.GetType().Name);
            return null;
        }
    }

    private static async Task<Message> SendTextAsync(ITelegramBotClient bot, long chatId, Reply reply, CancellationToken cancellationToken)
    {
        var parts = TelegramText.Split(reply.Text);
        foreach (var part in parts.SkipLast(1))
        {
            await bot.SendMessage(chatId, TelegramText.ToHtml(part), ParseMode.Html, cancellationToken: cancellationToken);
        }

        // The keyboard belongs under the last part, where the question is.
        return await bot.SendMessage(chatId, TelegramText.ToHtml(parts[^1]), ParseMode.Html, replyMarkup: TelegramMarkup.For(reply),
            cancellationToken: cancellationToken);
    }

    private static async Task<Message> SendWithPhotoAsync(ITelegramBotClient bot, long chatId, Reply reply, Stream photo, CancellationToken cancellationToken)
    {
        await using (photo)
        {
            var file = InputFile.FromStream(photo, reply.PhotoId);
            if (TelegramText.VisibleLength(reply.Text) <= TelegramText.MaxCaptionLength)
            {
                return await bot.SendPhoto(chatId, file, TelegramText.ToHtml(reply.Text), ParseMode.Html,
                    replyMarkup: TelegramMarkup.For(reply), cancellationToken: cancellationToken);
            }

            await bot.SendPhoto(chatId, file, cancellationToken: cancellationToken);
        }

        return await SendTextAsync(bot, chatId, reply, cancellationToken);
    }

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {Redaction.Clean(exception.Message)}";
}
