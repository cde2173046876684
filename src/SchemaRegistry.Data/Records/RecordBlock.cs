namespace SchemaRegistry.Data.Records;

/// <summary>
/// A reusable block of records read from a source: every record is UTF-8 JSON text in one shared buffer, so a
/// reader fills it without allocating per record and the validator reads each record straight from it. A CSV
/// reader also keeps each row's bytes as they arrived (<see cref="Raw"/>), in a second shared buffer, and the
/// header row's (<see cref="RawHeader"/>), so a quarantine can hold rows as they arrived.
/// </summary>
public sealed class RecordBlock
{
    private byte[] _buffer;
    private readonly List<RecordSpan> _records = [];
    private readonly List<(int Offset, int Length)> _raw = [];
    private byte[] _rawBuffer = [];
    private int _rawLength;

    public RecordBlock(int initialCapacity = 1 << 20) => _buffer = new byte[initialCapacity];

    /// <summary>Bytes in use.</summary>
    public int Length { get; private set; }

    public IReadOnlyList<RecordSpan> Records => _records;

    public int Count => _records.Count;

    public ReadOnlySpan<byte> Json(in RecordSpan record) => _buffer.AsSpan(record.Offset, record.Length);

    public ReadOnlyMemory<byte> JsonMemory(in RecordSpan record) => _buffer.AsMemory(record.Offset, record.Length);

    /// <summary>True when every record also has its source bytes (<see cref="Raw"/>): a CSV source.</summary>
    public bool HasRaw => _raw.Count > 0 && _raw.Count == _records.Count;

    /// <summary>The header row of the CSV source as it arrived (line end included, byte order mark not); empty for other sources.</summary>
    public ReadOnlyMemory<byte> RawHeader { get; private set; }

    /// <summary>Record <paramref name="index"/>'s row as it arrived in the source (quotes and line end included); see <see cref="HasRaw"/>.</summary>
    public ReadOnlyMemory<byte> Raw(int index)
    {
        var (offset, length) = _raw[index];
        return _rawBuffer.AsMemory(offset, length);
    }

    public void Clear()
    {
        Length = 0;
        _records.Clear();
        if (_raw.Count > 0)
        {
            _raw.Clear();
            _rawLength = 0;
        }
        RawHeader = default;
    }

    /// <summary>Sets the source's header row as it arrived (the caller keeps the memory unchanged while the block is read).</summary>
    public void SetRawHeader(ReadOnlyMemory<byte> header) => RawHeader = header;

    /// <summary>Copies the source bytes of the record committed last.</summary>
    public void AddRaw(ReadOnlySpan<byte> raw)
    {
        if (_raw.Count != _records.Count - 1)
        {
            throw new InvalidOperationException("Raw bytes belong to the record committed last, once.");
        }
        if (_rawLength + raw.Length > _rawBuffer.Length)
        {
            Array.Resize(ref _rawBuffer, Math.Max(Math.Max(_rawBuffer.Length * 2, 1 << 16), _rawLength + raw.Length));
        }
        raw.CopyTo(_rawBuffer.AsSpan(_rawLength));
        _raw.Add((_rawLength, raw.Length));
        _rawLength += raw.Length;
    }

    /// <summary>Copies one record's text into the block.</summary>
    public void Add(long number, ReadOnlySpan<byte> json)
    {
        var target = Reserve(json.Length);
        json.CopyTo(target);
        Commit(number, json.Length);
    }

    /// <summary>Space for a record being written in place; finish with <see cref="Commit"/>.</summary>
    public Span<byte> Reserve(int bytes)
    {
        if (Length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + bytes));
        }
        return _buffer.AsSpan(Length, bytes);
    }

    /// <summary>Makes the <paramref name="bytes"/> written at the end of the block (after <see cref="Reserve"/>) a record.</summary>
    public void Commit(long number, int bytes)
    {
        _records.Add(new RecordSpan(number, Length, bytes));
        Length += bytes;
    }
}
