namespace Posyandu.Bot.Host.Tests.Support;

/// <summary>A request body of any size made up while it is read (nothing held in memory), for oversized posts.</summary>
public sealed class GeneratedBodyStream(long length, byte fill = (byte)' ') : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <summary>A body that declares its length in Content-Length.</summary>
    public static HttpContent Declared(long length) => new StreamContent(new GeneratedBodyStream(length)) { Headers = { ContentLength = length } };

    /// <summary>A body sent without Content-Length (chunked), so the server only learns its size by reading it.</summary>
    public static HttpContent Chunked(long length) => new StreamContent(new GeneratedBodyStream(length));

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        buffer.AsSpan(offset, n).Fill(fill);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
