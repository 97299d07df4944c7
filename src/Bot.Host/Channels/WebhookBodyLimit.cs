using Microsoft.AspNetCore.Http.Metadata;

namespace Posyandu.Bot.Host.Channels;

/// <summary>
/// The body cap every <c>/webhooks/*</c> route carries (<c>.WithWebhookBodyLimit()</c>): platforms send small payloads, so
/// anything larger is refused with 413 before it is read into memory, whatever the server and however it is sent.
/// </summary>
internal static class WebhookBodyLimit
{
    /// <summary>Telegram updates and Twilio form posts are a few kilobytes; 1 MB is plenty.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static TBuilder WithWebhookBodyLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Kestrel reads the cap from this metadata and stops reading there (it would allow 30 MB otherwise).
        builder.WithMetadata(new SizeLimit(MaxBytes));
        // Also counted here, for a server that ignores the metadata and for a handler that binds the body before its own
        // code runs: a "finally" convention wraps the endpoint's delegate after it is built, parameter binding included.
        builder.Finally(endpoint =>
        {
            var handler = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate.");
            endpoint.RequestDelegate = http => LimitedAsync(http, handler);
        });
        return builder;
    }

    private static async Task LimitedAsync(HttpContext http, RequestDelegate handler)
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            Refuse(http);
            return;
        }

        // A chunked body declares no length: it is cut off once it passes the cap.
        http.Request.Body = new CappedStream(http.Request.Body, MaxBytes);
        try
        {
            await handler(http);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
        {
            Refuse(http);
        }
    }

    private static void Refuse(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookBodyLimit))
            .LogWarning("Webhook {Path}: isi lebih dari {MaxBytes} byte ({Declared}) ditolak dengan 413",
                http.Request.Path.Value, MaxBytes, http.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "chunked");
    }

    private sealed record SizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    /// <summary>Reads through to the request body and throws the server's own 413 once more than the cap was read.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Allowed(count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // One byte past the cap is enough to know the body is too large; no more is taken from the client.
        private int Allowed(int count) => (int)Math.Min(count, cap + 1 - _read);

        private int Count(int read)
        {
            _read += read;
            return _read > cap
                ? throw new BadHttpRequestException($"Request body larger than {cap} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
