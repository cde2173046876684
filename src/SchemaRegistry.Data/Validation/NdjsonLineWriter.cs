using System.Buffers;
using SchemaRegistry.Data.Readers;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// Appends NDJSON lines (or CSV rows, which bring their own line ends) to a stream through a 64 KB chunk of its own, so a line costs a copy, not a stream call;
/// full chunks go to the stream in one write, in place when the stream completes inline (<see cref="InlineIo"/>).
/// A line longer than the chunk is written straight through. Call <see cref="FlushAsync"/> before the stream is
/// read or closed.
/// </summary>
internal sealed class NdjsonLineWriter : IDisposable
{
    private const int ChunkBytes = 1 << 16;
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    private readonly Stream _stream;
    private readonly bool _inline;
    private byte[] _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private int _used;

    public NdjsonLineWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _inline = InlineIo.CompletesInline(stream);
    }

    public ValueTask WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken) => WriteAsync(line, true, cancellationToken);

    /// <summary>Appends bytes as they are, without a line end (a CSV row that brings its own).</summary>
    public ValueTask WriteBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => WriteAsync(bytes, false, cancellationToken);

    private ValueTask WriteAsync(ReadOnlyMemory<byte> line, bool newLine, CancellationToken cancellationToken)
    {
        if (_used + line.Length + 1 <= _chunk.Length)
        {
            Append(line.Span, newLine);
            return ValueTask.CompletedTask;
        }
        return WriteLineSlowAsync(line, newLine, cancellationToken);
    }

    /// <summary>Writes the chunk to the stream and flushes the stream.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await WriteChunkAsync(cancellationToken);
        if (_inline)
        {
            _stream.Flush();
        }
        else
        {
            await _stream.FlushAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        if (_chunk.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            _chunk = [];
        }
    }

    private async ValueTask WriteLineSlowAsync(ReadOnlyMemory<byte> line, bool newLine, CancellationToken cancellationToken)
    {
        await WriteChunkAsync(cancellationToken);
        if (line.Length + 1 <= _chunk.Length)
        {
            Append(line.Span, newLine);
            return;
        }
        await WriteAsync(line, cancellationToken);
        if (newLine)
        {
            await WriteAsync(NewLine, cancellationToken);
        }
    }

    private void Append(ReadOnlySpan<byte> line, bool newLine)
    {
        line.CopyTo(_chunk.AsSpan(_used));
        _used += line.Length;
        if (newLine)
        {
            _chunk[_used++] = (byte)'\n';
        }
    }

    private ValueTask WriteChunkAsync(CancellationToken cancellationToken)
    {
        if (_used == 0)
        {
            return ValueTask.CompletedTask;
        }
        var chunk = _chunk.AsMemory(0, _used);
        _used = 0;
        return WriteAsync(chunk, cancellationToken);
    }

    private ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (!_inline)
        {
            return _stream.WriteAsync(bytes, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        _stream.Write(bytes.Span);
        return ValueTask.CompletedTask;
    }
}
