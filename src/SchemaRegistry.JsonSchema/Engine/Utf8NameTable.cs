using System.Buffers.Binary;
using System.Text;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>
/// Maps property names, as UTF-8 bytes, to slots without allocating: an open-addressing table keyed by the
/// name's length and first and last bytes, confirmed by comparing the bytes.
/// </summary>
public sealed class Utf8NameTable
{
    private readonly byte[][] _names;
    private readonly int[] _table;
    private readonly ulong[] _keys;
    private readonly int _mask;

    public Utf8NameTable(IReadOnlyList<string> names)
    {
        _names = names.Select(Encoding.UTF8.GetBytes).ToArray();
        _next = new int[_names.Length + 1];
        Array.Fill(_next, -1);
        var size = 4;
        while (size < _names.Length * 4)
        {
            size <<= 1;
        }
        _table = new int[size];
        _keys = new ulong[size];
        _mask = size - 1;
        Array.Fill(_table, -1);
        for (var i = 0; i < _names.Length; i++)
        {
            var key = Key(_names[i]);
            var at = Slot(key);
            while (_table[at] >= 0)
            {
                at = (at + 1) & _mask;
            }
            _table[at] = i;
            _keys[at] = key;
        }
    }

    public int Count => _names.Length;

    /// <summary>
    /// Records usually list their fields in the same order, so the slot that followed <paramref name="previous"/>
    /// last time is tried first with one comparison. The hint is shared across threads: a stale one only costs the
    /// ordinary lookup, since every answer is confirmed byte for byte.
    /// </summary>
    public int FindAfter(int previous, ReadOnlySpan<byte> name)
    {
        var hintIndex = previous + 1;
        var guess = _next[hintIndex];
        if (guess >= 0 && name.SequenceEqual(_names[guess]))
        {
            return guess;
        }
        var found = Find(name);
        _next[hintIndex] = found;
        return found;
    }

    private readonly int[] _next;

    /// <summary>The slot of <paramref name="name"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        var key = Key(name);
        var at = Slot(key);
        while (true)
        {
            var index = _table[at];
            if (index < 0)
            {
                return -1;
            }
            if (_keys[at] == key && name.SequenceEqual(_names[index]))
            {
                return index;
            }
            at = (at + 1) & _mask;
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & _mask;

    /// <summary>A hash of every byte of the name (overlapping 8-byte reads) and its length.</summary>
    private static ulong Key(ReadOnlySpan<byte> name)
    {
        var length = name.Length;
        ulong head;
        if (length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(name) ^ (BinaryPrimitives.ReadUInt64LittleEndian(name[^8..]) * 0x9E3779B97F4A7C15UL);
            // Names longer than 16 bytes that differ only in the middle would all share one probe chain, and a
            // schema could list 60,000 of them: the middle bytes count too.
            for (var i = 8; i + 8 < length; i += 8)
            {
                head = (head ^ BinaryPrimitives.ReadUInt64LittleEndian(name[i..])) * 0xC2B2AE3D27D4EB4FUL;
            }
        }
        else if (length >= 4)
        {
            head = BinaryPrimitives.ReadUInt32LittleEndian(name) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(name[^4..]) << 32);
        }
        else if (length >= 2)
        {
            head = BinaryPrimitives.ReadUInt16LittleEndian(name) | ((ulong)name[^1] << 16);
        }
        else
        {
            head = length == 1 ? name[0] : 0UL;
        }
        return head ^ ((ulong)length << 56);
    }
}
