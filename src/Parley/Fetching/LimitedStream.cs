namespace Parley.Fetching;

/// <summary>A read-only stream that fails once more than a set number of bytes has been read (against gzip bombs).</summary>
internal sealed class LimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            inner.Position = value;
            _read = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = inner.Read(buffer, offset, count);
        _read += read;
        if (_read > limit) throw new InvalidDataException($"more than {limit} bytes after decompression");
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => Position = inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
