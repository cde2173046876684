using SchemaRegistry.Formats.Protobuf.Linking;
using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf;

/// <summary>
/// Confluent's message indexes: the path from the file to a message through declaration order (top-level message,
/// then nested message, ...), and the varint encoding the serializers write after the schema id.
/// </summary>
public static class MessageIndexes
{
    /// <summary>The index path of <paramref name="fullName"/> in <paramref name="file"/>; null when it is not there.</summary>
    public static IReadOnlyList<int>? Of(ProtoFile file, string fullName)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(fullName);
        var name = fullName.TrimStart('.');
        var package = file.Package ?? "";
        if (package.Length > 0)
        {
            if (!name.StartsWith(package + ".", StringComparison.Ordinal))
            {
                return null;
            }

            name = name[(package.Length + 1)..];
        }

        var path = new List<int>();
        var messages = file.Messages;
        foreach (var part in name.Split('.'))
        {
            var index = Find(messages, part);
            if (index < 0)
            {
                return null;
            }

            path.Add(index);
            messages = messages[index].Messages;
        }

        return path;
    }

    /// <summary>The full name (no leading dot) of the message at <paramref name="indexes"/>; null when out of range.</summary>
    public static string? NameOf(ProtoFile file, IReadOnlyList<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(indexes);
        if (indexes.Count == 0)
        {
            return null;
        }

        var name = file.Package ?? "";
        var messages = file.Messages;
        foreach (var index in indexes)
        {
            if (index < 0 || index >= messages.Count)
            {
                return null;
            }

            name = ProtoSymbolTable.Join(name, messages[index].Name);
            messages = messages[index].Messages;
        }

        return name;
    }

    /// <summary>
    /// The bytes Confluent writes: the count then each index as zig-zag varints, except that <c>[0]</c> (the first
    /// message, the common case) is the single byte 0.
    /// </summary>
    public static byte[] Encode(IReadOnlyList<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        if (indexes.Count == 1 && indexes[0] == 0)
        {
            return [0];
        }

        var bytes = new List<byte>();
        ZigZag(bytes, indexes.Count);
        foreach (var index in indexes)
        {
            ZigZag(bytes, index);
        }

        return [.. bytes];
    }

    /// <summary>Reads the indexes at the start of <paramref name="bytes"/>; <paramref name="read"/> is how many bytes they took.</summary>
    public static IReadOnlyList<int> Decode(ReadOnlySpan<byte> bytes, out int read)
    {
        read = 0;
        var count = UnZigZag(bytes, ref read);
        if (count == 0)
        {
            return [0];
        }

        if (count < 0 || count > bytes.Length)
        {
            throw new FormatException($"message index count {count} is not possible in {bytes.Length} bytes");
        }

        var indexes = new int[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = UnZigZag(bytes, ref read);
        }

        return indexes;
    }

    private static int Find(IReadOnlyList<ProtoMessage> messages, string name)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static void ZigZag(List<byte> bytes, int value)
    {
        var encoded = (uint)((value << 1) ^ (value >> 31));
        while (encoded >= 0x80)
        {
            bytes.Add((byte)(encoded | 0x80));
            encoded >>= 7;
        }

        bytes.Add((byte)encoded);
    }

    private static int UnZigZag(ReadOnlySpan<byte> bytes, ref int read)
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (read >= bytes.Length)
            {
                throw new FormatException("the message indexes end inside a varint");
            }

            var b = bytes[read++];
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (int)(result >> 1) ^ -(int)(result & 1);
            }
        }

        throw new FormatException("a message index varint is longer than 5 bytes");
    }
}
