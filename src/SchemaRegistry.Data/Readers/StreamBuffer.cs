using System.Buffers;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// A window of bytes read from a stream into a pooled buffer: the readers look at <see cref="Data"/>,
/// <see cref="Consume"/> what they have turned into records and <see cref="FillAsync"/> for more. The buffer grows
/// only while the unconsumed bytes (one unfinished record) fill more than half of it, up to a cap the reader sets
/// from its record limit, so memory stays bounded whatever the stream's length.
/// </summary>
internal sealed class StreamBuffer : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _inline;
    private readonly int _maxCapacity;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public StreamBuffer(Stream stream, int initialCapacity, int maxCapacity)
    {
        _stream = stream;
        _inline = InlineIo.CompletesInline(stream);
        _maxCapacity = Math.Max(initialCapacity, maxCapacity);
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    public int Length => _end - _start;

    /// <summary>True once the stream has reported its end; <see cref="Data"/> then holds all that is left.</summary>
    public bool IsCompleted { get; private set; }

    public int Capacity => _buffer.Length;

    public void Consume(int bytes)
    {
        _start += bytes;
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }
    }

    /// <summary>Reads once more from the stream after <see cref="Data"/>; false when the stream has ended.</summary>
    public ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (IsCompleted)
        {
            return new ValueTask<bool>(false);
        }
        MakeRoom();
        if (_inline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new ValueTask<bool>(Advance(_stream.Read(_buffer, _end, _buffer.Length - _end)));
        }
        return ReadAsync(cancellationToken);
    }

    private async ValueTask<bool> ReadAsync(CancellationToken cancellationToken) =>
        Advance(await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken));

    private bool Advance(int read)
    {
        if (read == 0)
        {
            IsCompleted = true;
            return false;
        }
        _end += read;
        return true;
    }

    /// <summary>Skips a UTF-8 byte order mark; call before anything is consumed.</summary>
    public async ValueTask SkipByteOrderMarkAsync(CancellationToken cancellationToken)
    {
        while (Length < 3 && await FillAsync(cancellationToken))
        {
        }
        if (Data.StartsWith("\uFEFF"u8))
        {
            Consume(3);
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void MakeRoom()
    {
        var free = _buffer.Length - _end;
        if (free >= _buffer.Length / 4 && free > 0)
        {
            return;
        }
        var pending = _end - _start;
        if (pending > _buffer.Length / 2 && _buffer.Length < _maxCapacity)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxCapacity));
            Data.CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }
        else if (_start > 0)
        {
            Data.CopyTo(_buffer);
        }
        else if (free == 0)
        {
            // The readers stop at their record limit before the window can fill the largest buffer.
            throw new InvalidOperationException("The read buffer is full.");
        }
        _start = 0;
        _end = pending;
    }
}
