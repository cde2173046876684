using System.Text;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>Maps property names, as UTF-8 bytes, to slots without allocating on lookup.</summary>
internal sealed class Utf8NameTable
{
    private readonly byte[][] _names;
    private readonly Dictionary<ulong, int[]> _buckets = [];

    public Utf8NameTable(IReadOnlyList<string> names)
    {
        _names = names.Select(Encoding.UTF8.GetBytes).ToArray();
        foreach (var group in _names.Select((bytes, index) => (Hash(bytes), index)).GroupBy(e => e.Item1))
        {
            _buckets[group.Key] = group.Select(e => e.index).ToArray();
        }
    }

    public int Count => _names.Length;

    /// <summary>The slot of <paramref name="name"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        if (_names.Length <= 8)
        {
            for (var i = 0; i < _names.Length; i++)
            {
                if (name.SequenceEqual(_names[i]))
                {
                    return i;
                }
            }
            return -1;
        }
        if (_buckets.TryGetValue(Hash(name), out var candidates))
        {
            foreach (var i in candidates)
            {
                if (name.SequenceEqual(_names[i]))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    /// <summary>Length, first seven bytes and last byte: cheap, and distinct for typical field names.</summary>
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        Span<byte> head = stackalloc byte[8];
        head.Clear();
        bytes[..Math.Min(7, bytes.Length)].CopyTo(head);
        var key = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(head);
        var last = bytes.Length == 0 ? 0UL : bytes[^1];
        return key ^ ((ulong)bytes.Length << 56) ^ (last << 48);
    }
}
