using System.Text;

namespace SchemaRegistry.Data.Tests.Readers;

/// <summary>
/// A non-seekable stream of NDJSON lines made up as it is read (<c>{"id":N,"pad":"xxx…"}</c>), never held whole, to
/// feed readers sources far larger than their buffers.
/// </summary>
internal sealed class GeneratedLinesStream(long lines) : Stream
{
    private readonly byte[] _line = new byte[256];
    private long _next = 1;
    private int _lineLength;
    private int _lineOffset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Bytes handed out so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_lineOffset == _lineLength)
            {
                if (_next > lines)
                {
                    break;
                }
                _lineLength = Encoding.UTF8.GetBytes(
                    $"{{\"id\":{_next},\"pad\":\"{new string('x', (int)(_next % 97))}\"}}\n", _line);
                _lineOffset = 0;
                _next++;
            }
            var count = Math.Min(buffer.Length - written, _lineLength - _lineOffset);
            _line.AsSpan(_lineOffset, count).CopyTo(buffer[written..]);
            _lineOffset += count;
            written += count;
        }
        BytesRead += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
