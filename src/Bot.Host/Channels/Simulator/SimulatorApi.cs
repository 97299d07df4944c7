using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Posyandu.Conversation;
using Posyandu.Referrals.Media;
using Posyandu.Referrals.Outbox;
using Posyandu.Referrals.People;

namespace Posyandu.Bot.Host.Channels.Simulator;

/// <summary>
/// The JSON endpoints behind the simulator page (<c>/simulator/api/…</c>): the people to act as, messages and photos from
/// them, the outbox feed of everything the bot sent, and stored photos. Bad input gets a 400 with a short Indonesian
/// message, never a 500.
/// </summary>
internal static class SimulatorApi
{
    private const long MaxPhotoBytes = 10 * 1024 * 1024;
    private const int MaxCaptionLength = 1024;
    private const int FeedPageSize = 100;

    // Its own options: the host may reconfigure the app-wide JSON options for Telegram (snake_case); the page speaks camelCase.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/simulator/api").ExcludeFromDescription();
        api.MapGet("/people", ListPeopleAsync);
        api.MapPost("/message", PostMessageAsync);
        api.MapPost("/photo", PostPhotoAsync);
        api.MapGet("/feed", FeedAsync);
        api.MapGet("/media/{id}", Media);
    }

    private static async Task<JsonHttpResult<SimulatorPerson[]>> ListPeopleAsync(
        PeopleQueries people, CancellationToken cancellationToken)
    {
        var everyone = await people.ListAsync(cancellationToken);
        return Ok(everyone.Select(SimulatorDirectory.ToSimulatorPerson).ToArray());
    }

    private static async Task<Results<JsonHttpResult<SimulatorAccepted>, JsonHttpResult<SimulatorError>>> PostMessageAsync(
        HttpRequest request, SimulatorChats chats, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Bad(SimulatorTexts.NotJson);
        }

        SimulatorMessageRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<SimulatorMessageRequest>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            return Bad(SimulatorTexts.UnreadableJson);
        }
        catch (BadHttpRequestException)
        {
            return Bad(SimulatorTexts.UnreadableJson);
        }

        if (body is null)
        {
            return Bad(SimulatorTexts.UnreadableJson);
        }

        var (message, problem) = body.Read();
        if (problem is not null)
        {
            return Bad(problem);
        }

        if (body.ChatChannel() is not { } channel)
        {
            return Bad(SimulatorTexts.UnknownChannel);
        }

        var person = await chats.FindPersonAsync(body.PersonId, cancellationToken);
        if (person is null)
        {
            return Bad(SimulatorTexts.UnknownPerson);
        }

        await chats.SendAsync(person, message, channel, cancellationToken);
        return Ok(new SimulatorAccepted(), StatusCodes.Status202Accepted);
    }

    private static async Task<Results<JsonHttpResult<SimulatorAccepted>, JsonHttpResult<SimulatorError>>> PostPhotoAsync(
        HttpRequest request, SimulatorChats chats, MediaStore media, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Bad(SimulatorTexts.NotForm);
        }

        // Refuse an oversized upload while reading it rather than after buffering it (the form's other fields are tiny).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxPhotoBytes + (64 * 1024);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Bad(SimulatorTexts.PhotoTooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Bad(SimulatorTexts.UnreadableForm);
        }

        if (!long.TryParse(form["personId"], NumberStyles.None, CultureInfo.InvariantCulture, out var personId))
        {
            return Bad(SimulatorTexts.UnknownPerson);
        }

        if (SimulatorChannels.ChatOf(form["channel"]) is not { } channel)
        {
            return Bad(SimulatorTexts.UnknownChannel);
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return Bad(SimulatorTexts.NoPhoto);
        }

        if (file.Length == 0)
        {
            return Bad(SimulatorTexts.EmptyPhoto);
        }

        if (file.Length > MaxPhotoBytes)
        {
            return Bad(SimulatorTexts.PhotoTooLarge);
        }

        string? caption = form["caption"];
        caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        if (caption is { Length: > MaxCaptionLength })
        {
            return Bad(SimulatorTexts.CaptionTooLong);
        }

        var extension = await DetectImageAsync(file, cancellationToken);
        if (extension is null)
        {
            return Bad(SimulatorTexts.NotAnImage);
        }

        var person = await chats.FindPersonAsync(personId, cancellationToken);
        if (person is null)
        {
            return Bad(SimulatorTexts.UnknownPerson);
        }

        string mediaId;
        await using (var content = file.OpenReadStream())
        {
            mediaId = await media.SaveAsync(content, extension, cancellationToken);
        }

        await chats.SendAsync(person, Inbound.OfPhoto(mediaId, caption), channel, cancellationToken);
        return Ok(new SimulatorAccepted(mediaId), StatusCodes.Status202Accepted);
    }

    private static async Task<Results<JsonHttpResult<SimulatorFeed>, JsonHttpResult<SimulatorError>>> FeedAsync(
        string? after, string? viewer, OutboxQueries outbox, PeopleQueries people, CancellationToken cancellationToken)
    {
        long cursor = 0;
        if (!string.IsNullOrEmpty(after) && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out cursor))
        {
            return Bad(SimulatorTexts.BadCursor);
        }

        long? viewerId = null;
        if (!string.IsNullOrEmpty(viewer))
        {
            if (!long.TryParse(viewer, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Bad(SimulatorTexts.BadViewer);
            }

            viewerId = id;
        }

        // One extra row tells the page whether to ask again at once.
        var rows = await outbox.RecentAsync(cursor, FeedPageSize + 1, cancellationToken);
        var directory = new SimulatorDirectory(await people.ListAsync(cancellationToken));
        var items = rows.Take(FeedPageSize).Select(row => directory.ToFeedItem(row, viewerId)).ToArray();
        return Ok(new SimulatorFeed(items, rows.Count > FeedPageSize));
    }

    private static Results<FileStreamHttpResult, NotFound, JsonHttpResult<SimulatorError>> Media(string id, MediaStore media)
    {
        var contentType = ImageSignature.ContentTypeOf(id);
        try
        {
            _ = media.PathOf(id);
        }
        catch (ArgumentException)
        {
            return Bad(SimulatorTexts.BadMediaId);
        }

        if (contentType is null)
        {
            return TypedResults.NotFound();
        }

        Stream content;
        try
        {
            content = media.OpenRead(id);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(content, contentType);
    }

    private static async Task<string?> DetectImageAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var header = new byte[ImageSignature.HeaderLength];
        await using var content = file.OpenReadStream();
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return ImageSignature.Detect(header.AsSpan(0, read));
    }

    private static JsonHttpResult<T> Ok<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(value, Json, statusCode: statusCode);

    private static JsonHttpResult<SimulatorError> Bad(string error) =>
        TypedResults.Json(new SimulatorError(error), Json, statusCode: StatusCodes.Status400BadRequest);
}
