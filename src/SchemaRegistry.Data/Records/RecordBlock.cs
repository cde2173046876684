namespace SchemaRegistry.Data.Records;

/// <summary>
/// A reusable block of records read from a source: every record is UTF-8 JSON text in one shared buffer, so a
/// reader fills it without allocating per record and the validator reads each record straight from it.
/// </summary>
public sealed class RecordBlock
{
    private byte[] _buffer;
    private readonly List<RecordSpan> _records = [];

    public RecordBlock(int initialCapacity = 1 << 20) => _buffer = new byte[initialCapacity];

    /// <summary>Bytes in use.</summary>
    public int Length { get; private set; }

    public IReadOnlyList<RecordSpan> Records => _records;

    public int Count => _records.Count;

    public ReadOnlySpan<byte> Json(in RecordSpan record) => _buffer.AsSpan(record.Offset, record.Length);

    public ReadOnlyMemory<byte> JsonMemory(in RecordSpan record) => _buffer.AsMemory(record.Offset, record.Length);

    public void Clear()
    {
        Length = 0;
        _records.Clear();
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
