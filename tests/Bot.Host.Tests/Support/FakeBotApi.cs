using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>
/// A stand-in for the Telegram Bot API at the edge of the process: records every call (method name and body fields) and
/// answers sendMessage, sendPhoto, getFile, file downloads, answerCallbackQuery, setWebhook, deleteWebhook and getUpdates
/// the way Telegram does. Can be told to fail the next call to a chat (429 with retry_after, 403, 500).
/// </summary>
public sealed class FakeBotApi : HttpMessageHandler
{
    /// <summary>A tiny but real JPEG (1×1 pixel), served for every file download.</summary>
    public static readonly byte[] PhotoBytes = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////" +
        "wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVN//2Q==");

    private readonly string _token;
    private readonly ConcurrentQueue<BotApiCall> _calls = new();
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private readonly ConcurrentQueue<string> _pendingUpdates = new();
    private int _messageId = 1000;

    public FakeBotApi(string token) => _token = token;

    public IReadOnlyList<BotApiCall> Calls => [.. _calls];

    /// <summary>Messages the bot sent (sendMessage and sendPhoto) to <paramref name="chatId"/>, in order.</summary>
    public IReadOnlyList<BotApiCall> SentTo(long chatId) =>
        [.. _calls.Where(c => c.IsSend && c.ChatId == chatId && c.Succeeded)];

    /// <summary>The next call of <paramref name="method"/> to <paramref name="chatId"/> fails with <paramref name="errorCode"/>.</summary>
    public void FailNext(string method, long chatId, int errorCode, int? retryAfter = null, string? description = null) =>
        _failures.Enqueue(new ScriptedFailure(method, chatId, errorCode, retryAfter, description ?? DescriptionOf(errorCode, retryAfter)));

    /// <summary>Queues an update for the next getUpdates (polling mode).</summary>
    public void QueueUpdate(JsonObject update) => _pendingUpdates.Enqueue(update.ToJsonString());

    public bool HasPendingUpdates => !_pendingUpdates.IsEmpty;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith($"/file/bot{_token}/", StringComparison.Ordinal))
        {
            _calls.Enqueue(new BotApiCall("download", new Dictionary<string, string>(), DateTimeOffset.UtcNow, true));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(PhotoBytes) };
        }

        var prefix = $"/bot{_token}/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.Unauthorized, """{"ok":false,"error_code":401,"description":"Unauthorized"}""");
        }

        var method = path[prefix.Length..];
        var fields = await ReadFieldsAsync(request.Content, cancellationToken);
        var chatId = fields.TryGetValue("chat_id", out var chat) && long.TryParse(chat, out var id) ? id : (long?)null;

        if (TakeFailure(method, chatId) is { } failure)
        {
            _calls.Enqueue(new BotApiCall(method, fields, DateTimeOffset.UtcNow, false));
            var error = new JsonObject { ["ok"] = false, ["error_code"] = failure.ErrorCode, ["description"] = failure.Description };
            if (failure.RetryAfter is { } seconds)
            {
                error["parameters"] = new JsonObject { ["retry_after"] = seconds };
            }

            return Json((HttpStatusCode)failure.ErrorCode, error.ToJsonString());
        }

        _calls.Enqueue(new BotApiCall(method, fields, DateTimeOffset.UtcNow, true));
        return method switch
        {
            "sendMessage" or "sendPhoto" => Json(HttpStatusCode.OK, SentMessage(method, chatId ?? 0, fields)),
            "getFile" => Json(HttpStatusCode.OK, FileInfo(fields.GetValueOrDefault("file_id") ?? "")),
            "answerCallbackQuery" or "setWebhook" or "deleteWebhook" => Json(HttpStatusCode.OK, """{"ok":true,"result":true}"""),
            "getUpdates" => await UpdatesAsync(cancellationToken),
            _ => Json(HttpStatusCode.NotFound, """{"ok":false,"error_code":404,"description":"Not Found: method not found"}"""),
        };
    }

    private ScriptedFailure? TakeFailure(string method, long? chatId)
    {
        lock (_failures)
        {
            var all = _failures.ToArray();
            var match = Array.FindIndex(all, f => f.Method == method && f.ChatId == chatId);
            if (match < 0)
            {
                return null;
            }

            _failures.Clear();
            for (var i = 0; i < all.Length; i++)
            {
                if (i != match)
                {
                    _failures.Enqueue(all[i]);
                }
            }

            return all[match];
        }
    }

    private string FileInfo(string fileId) => new JsonObject
    {
        ["ok"] = true,
        ["result"] = new JsonObject
        {
            ["file_id"] = fileId,
            ["file_unique_id"] = "AQADm7wxG2",
            ["file_size"] = PhotoBytes.Length,
            ["file_path"] = $"photos/file_{Interlocked.Increment(ref _messageId)}.jpg",
        },
    }.ToJsonString();

    private string SentMessage(string method, long chatId, IReadOnlyDictionary<string, string> fields)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
        };
        if (method == "sendPhoto")
        {
            message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "sent-photo", ["file_unique_id"] = "sent", ["width"] = 1, ["height"] = 1 });
            if (fields.TryGetValue("caption", out var caption))
            {
                message["caption"] = caption;
            }
        }
        else
        {
            message["text"] = fields.GetValueOrDefault("text") ?? "";
        }

        return new JsonObject { ["ok"] = true, ["result"] = message }.ToJsonString();
    }

    private async Task<HttpResponseMessage> UpdatesAsync(CancellationToken cancellationToken)
    {
        var batch = new JsonArray();
        while (_pendingUpdates.TryDequeue(out var update))
        {
            batch.Add(JsonNode.Parse(update));
        }

        if (batch.Count == 0)
        {
            // A short long-poll, so an idle polling loop does not spin.
            await Task.Delay(100, cancellationToken);
        }

        return Json(HttpStatusCode.OK, new JsonObject { ["ok"] = true, ["result"] = batch }.ToJsonString());
    }

    /// <summary>The request's parameters as text: JSON bodies (objects kept as JSON) and multipart forms (file parts as "(file)").</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ReadFieldsAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>();
        if (content is null)
        {
            return fields;
        }

        var mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType == "application/json")
        {
            var text = await content.ReadAsStringAsync(cancellationToken);
            if (JsonNode.Parse(text) is JsonObject json)
            {
                foreach (var (name, value) in json)
                {
                    fields[name] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
                }
            }
        }
        else if (mediaType == "multipart/form-data")
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(content.Headers.ContentType!.ToString()).Boundary).Value!;
            var reader = new MultipartReader(boundary, await content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
                {
                    fields[name] = "(file)";
                    continue;
                }

                using var body = new StreamReader(section.Body, Encoding.UTF8);
                fields[name] = await body.ReadToEndAsync(cancellationToken);
            }
        }

        return fields;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static string DescriptionOf(int errorCode, int? retryAfter) => errorCode switch
    {
        429 => $"Too Many Requests: retry after {retryAfter ?? 1}",
        403 => "Forbidden: bot was blocked by the user",
        400 => "Bad Request: chat not found",
        _ => "Internal Server Error",
    };

    private sealed record ScriptedFailure(string Method, long? ChatId, int ErrorCode, int? RetryAfter, string Description);
}

/// <summary>One request the bot made to the Bot API: the method, its parameters as text, when, and whether it succeeded.</summary>
public sealed record BotApiCall(string Method, IReadOnlyDictionary<string, string> Fields, DateTimeOffset At, bool Succeeded)
{
    public bool IsSend => Method is "sendMessage" or "sendPhoto";

    public long? ChatId => Fields.TryGetValue("chat_id", out var chat) && long.TryParse(chat, out var id) ? id : null;

    /// <summary>The text the person sees: the message text, or the photo caption.</summary>
    public string Text => Fields.GetValueOrDefault("text") ?? Fields.GetValueOrDefault("caption") ?? "";

    /// <summary>The keyboard as JSON ("" when none).</summary>
    public string ReplyMarkup => Fields.GetValueOrDefault("reply_markup") ?? "";

    /// <summary>The inline buttons (label, callback data) of the message, in order.</summary>
    public IReadOnlyList<(string Label, string Data)> InlineButtons =>
        JsonNode.Parse(ReplyMarkup.Length == 0 ? "{}" : ReplyMarkup)?["inline_keyboard"] is JsonArray rows
            ? [.. rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>())
                .Select(b => ((string?)b["text"] ?? "", (string?)b["callback_data"] ?? ""))]
            : [];

    public override string ToString() => $"{Method} → {ChatId}: {Text}";
}
