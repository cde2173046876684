using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Data.Readers;

/// <summary>
/// Reads NDJSON (JSON Lines): every line is one record, numbered by its line (from 1), its text passed on as it is
/// without parsing (the validator reports malformed lines). A trailing <c>\r</c> is stripped, blank or
/// whitespace-only lines are skipped (they still count as lines), a UTF-8 byte order mark at the very start is
/// skipped. The stream is read asynchronously and need not be seekable; the caller keeps ownership of it.
/// </summary>
public sealed class NdjsonRecordReader : IRecordReader
{
    internal const int DefaultBufferBytes = 256 * 1024;

    private readonly StreamBuffer _input;
    private readonly int _targetBytes;
    private readonly int _maxRecordBytes;
    private long _line;
    private bool _started;

    /// <summary>Bytes at the front of the buffered data already searched for a newline without finding one.</summary>
    private int _searched;

    /// <param name="stream">The NDJSON source.</param>
    /// <param name="targetBytes">How many bytes of records one <see cref="ReadAsync"/> gathers, about.</param>
    /// <param name="maxRecordBytes">
    /// The longest line accepted (without its line end); a longer one throws <see cref="RecordTooLargeException"/>
    /// instead of being held in memory.
    /// </param>
    public NdjsonRecordReader(
        Stream stream,
        int targetBytes = RecordReaders.DefaultTargetBytes,
        int maxRecordBytes = RecordReaders.DefaultMaxRecordBytes)
        : this(stream, targetBytes, maxRecordBytes, DefaultBufferBytes)
    {
    }

    internal NdjsonRecordReader(Stream stream, int targetBytes, int maxRecordBytes, int bufferBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecordBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferBytes);
        _targetBytes = targetBytes;
        _maxRecordBytes = maxRecordBytes;
        // Room for the longest line, its CRLF and the byte that shows it is too long.
        _input = new StreamBuffer(stream, bufferBytes, maxRecordBytes + 4);
    }

    public IReadOnlyList<SourceField> DeclaredFields => [];

    /// <summary>The read buffer's size now, for tests that check memory stays bounded.</summary>
    internal int BufferCapacity => _input.Capacity;

    public async ValueTask<bool> ReadAsync(RecordBlock block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        block.Clear();
        if (!_started)
        {
            await _input.SkipByteOrderMarkAsync(cancellationToken);
            _started = true;
        }
        while (!TakeLines(block))
        {
            if (_input.IsCompleted)
            {
                TakeLastLine(block);
                return block.Count > 0;
            }
            // Even if the next byte ended the line, what is pending (less a \r) is already over the limit.
            if (_input.Length > _maxRecordBytes + 1)
            {
                throw new RecordTooLargeException(_line + 1, _maxRecordBytes);
            }
            await _input.FillAsync(cancellationToken);
        }
        return true;
    }

    public ValueTask DisposeAsync()
    {
        _input.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Moves the complete lines in the buffer to the block; true once the block reaches its target.</summary>
    private bool TakeLines(RecordBlock block)
    {
        var data = _input.Data;
        var offset = 0;
        try
        {
            while (true)
            {
                var found = data[(offset + _searched)..].IndexOf((byte)'\n');
                if (found < 0)
                {
                    _searched = data.Length - offset;
                    return false;
                }
                var length = _searched + found;
                _searched = 0;
                Emit(block, data.Slice(offset, length));
                offset += length + 1;
                if (block.Length >= _targetBytes)
                {
                    return true;
                }
            }
        }
        finally
        {
            _input.Consume(offset);
        }
    }

    private void TakeLastLine(RecordBlock block)
    {
        if (_input.Length > 0)
        {
            Emit(block, _input.Data);
            _input.Consume(_input.Length);
            _searched = 0;
        }
    }

    private void Emit(RecordBlock block, ReadOnlySpan<byte> line)
    {
        _line++;
        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }
        if (line.Length > _maxRecordBytes)
        {
            throw new RecordTooLargeException(_line, _maxRecordBytes);
        }
        if (line.IndexOfAnyExcept(" \t\r"u8) >= 0)
        {
            block.Add(_line, line);
        }
    }
}
