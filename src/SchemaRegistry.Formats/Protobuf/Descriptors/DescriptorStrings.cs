using Google.Protobuf;

namespace SchemaRegistry.Formats.Protobuf.Descriptors;

/// <summary>Undoes the model's canonical string escaping (ProtoStrings.Escape): named escapes and three-digit octal.</summary>
internal static class DescriptorStrings
{
    public static ByteString Unescape(string canonical)
    {
        var bytes = new List<byte>(canonical.Length);
        for (var i = 0; i < canonical.Length; i++)
        {
            var c = canonical[i];
            if (c != '\\' || i + 1 >= canonical.Length)
            {
                bytes.Add((byte)c);
                continue;
            }

            var next = canonical[++i];
            switch (next)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case >= '0' and <= '7' when i + 2 < canonical.Length:
                    bytes.Add(Convert.ToByte(canonical.Substring(i, 3), 8));
                    i += 2;
                    break;
                default: bytes.Add((byte)next); break;
            }
        }

        return ByteString.CopyFrom(bytes.ToArray());
    }
}
