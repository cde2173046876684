namespace SchemaRegistry.Data.Readers;

/// <summary>
/// Walks a Thrift compact-protocol struct (a Parquet footer) without decoding it, checking only that it is well
/// formed and fits its bytes: every length and count within what is left, varints at most 10 bytes, nesting at most
/// 64 deep. Parquet.Net 6.1 can spin without end on a malformed footer (a corrupt list count, a missing stop byte),
/// so the reader walks the footer first and refuses one that does not hold together.
/// </summary>
internal ref struct ThriftCompactWalker
{
    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    private ThriftCompactWalker(ReadOnlySpan<byte> data) => _data = data;

    /// <summary>True when <paramref name="data"/> starts with one well-formed struct.</summary>
    public static bool IsWellFormedStruct(ReadOnlySpan<byte> data)
    {
        var walker = new ThriftCompactWalker(data);
        return walker.Struct(0);
    }

    private bool Struct(int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }
        while (true)
        {
            if (!Byte(out var header))
            {
                return false;
            }
            if (header == 0)
            {
                return true;
            }
            if (header >> 4 == 0 && !Varint())
            {
                return false;
            }
            var type = header & 0x0F;
            // In a struct a boolean's value is its type; it has no payload.
            if (type is not (1 or 2) && !Value(type, depth))
            {
                return false;
            }
        }
    }

    private bool Value(int type, int depth) => type switch
    {
        1 or 2 or 3 => Skip(1),
        4 or 5 or 6 => Varint(),
        7 => Skip(8),
        8 => Length(out var length) && Skip(length),
        9 or 10 => List(depth),
        11 => Map(depth),
        12 => Struct(depth + 1),
        13 => Skip(16),
        _ => false,
    };

    private bool List(int depth)
    {
        if (!Byte(out var header))
        {
            return false;
        }
        var count = header >> 4;
        if (count == 15 && !Length(out count))
        {
            return false;
        }
        return Elements(count, header & 0x0F, depth);
    }

    private bool Map(int depth)
    {
        if (!Length(out var count))
        {
            return false;
        }
        if (count == 0)
        {
            return true;
        }
        if (!Byte(out var types))
        {
            return false;
        }
        return count <= (_data.Length - _position) / 2
            && Elements(count, types >> 4, depth, types & 0x0F);
    }

    /// <summary>Skips <paramref name="count"/> elements, alternating key and value types for a map.</summary>
    private bool Elements(int count, int type, int depth, int valueType = -1)
    {
        // Every element takes at least one byte (a boolean in a list or map is one byte), so a count larger than
        // what is left is corrupt whatever follows.
        if (count > _data.Length - _position)
        {
            return false;
        }
        for (var i = 0; i < count; i++)
        {
            if (!Value(type, depth + 1) || (valueType >= 0 && !Value(valueType, depth + 1)))
            {
                return false;
            }
        }
        return true;
    }

    private bool Length(out int length)
    {
        var valid = Varint(out var value) && value <= int.MaxValue;
        length = valid ? (int)value : 0;
        return valid;
    }

    private bool Varint() => Varint(out _);

    private bool Varint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (!Byte(out var b))
            {
                return false;
            }
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }
        return false;
    }

    private bool Byte(out int value)
    {
        if (_position >= _data.Length)
        {
            value = 0;
            return false;
        }
        value = _data[_position++];
        return true;
    }

    private bool Skip(int bytes)
    {
        if (bytes < 0 || bytes > _data.Length - _position)
        {
            return false;
        }
        _position += bytes;
        return true;
    }
}
