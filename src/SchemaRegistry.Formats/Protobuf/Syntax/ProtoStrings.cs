using System.Globalization;
using System.Text;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>The canonical escaping of string bytes: printable ASCII as is, a few named escapes, octal otherwise.</summary>
internal static class ProtoStrings
{
    public static string Escape(IReadOnlyList<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Count);
        foreach (var b in bytes)
        {
            _ = b switch
            {
                (byte)'"' => builder.Append("\\\""),
                (byte)'\\' => builder.Append("\\\\"),
                (byte)'\n' => builder.Append("\\n"),
                (byte)'\r' => builder.Append("\\r"),
                (byte)'\t' => builder.Append("\\t"),
                >= 0x20 and < 0x7F => builder.Append((char)b),
                _ => builder.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0')),
            };
        }

        return builder.ToString();
    }

    public static string Escape(string text) => Escape(Encoding.UTF8.GetBytes(text));

    public static string Quote(string text) => "\"" + Escape(text) + "\"";

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
