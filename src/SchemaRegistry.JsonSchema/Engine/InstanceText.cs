using System.Buffers;
using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>Reading string instances (values or property names) without allocating on the common path.</summary>
internal static class InstanceText
{
    public const int StackLimit = 256;

    public static bool IsString(JsonTokenType type) => type is JsonTokenType.String or JsonTokenType.PropertyName;

    /// <summary>Length in Unicode code points, as JSON Schema counts it.</summary>
    public static int CodePointLength(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            var bytes = reader.ValueSpan;
            var count = 0;
            foreach (var b in bytes)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }
            return count;
        }
        char[]? rented = null;
        var length = reader.ValueSpan.Length;
        var buffer = length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var written = reader.CopyString(buffer);
            var points = 0;
            for (var i = 0; i < written; i++)
            {
                if (!char.IsLowSurrogate(buffer[i]) || i == 0 || !char.IsHighSurrogate(buffer[i - 1]))
                {
                    points++;
                }
            }
            return points;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
