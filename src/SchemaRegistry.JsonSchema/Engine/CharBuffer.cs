using System.Buffers;
using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>Decodes the current string token into UTF-16 for regex and format checks, renting only for long strings.</summary>
internal struct CharBuffer
{
    private char[]? _rented;

    public ReadOnlySpan<char> Decode(Utf8JsonReader reader, Span<char> scratch)
    {
        var length = reader.ValueSpan.Length;
        var buffer = length <= scratch.Length ? scratch : (_rented = ArrayPool<char>.Shared.Rent(length));
        var written = reader.CopyString(buffer);
        return buffer[..written];
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
