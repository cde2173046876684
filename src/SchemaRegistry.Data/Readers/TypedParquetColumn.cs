using System.Globalization;
using System.Text.Json;
using Parquet.Data;
using Parquet.Schema;

namespace SchemaRegistry.Data.Readers;

/// <summary>A <see cref="ParquetColumn"/> whose values are <typeparamref name="T"/>, written by <c>write</c>.</summary>
internal sealed class TypedParquetColumn<T>(DataField field, Action<Utf8JsonWriter, T> write) : ParquetColumn(field)
    where T : struct
{
    private RawColumnData<T>? _data;

    protected override bool TryAttachValues(RawColumnData raw, out int valueCount)
    {
        _data = raw as RawColumnData<T>;
        valueCount = _data is null ? 0 : _data.Values.Length;
        return _data is not null;
    }

    protected override void ReleaseValues()
    {
        _data?.Dispose();
        _data = null;
    }

    protected override void WriteValue(Utf8JsonWriter json, int index) => write(json, _data!.Values[index]);

    protected override void WriteValueAsName(Utf8JsonWriter json, int index)
    {
        switch (_data!.Values[index])
        {
            case ReadOnlyMemory<char> text:
                json.WritePropertyName(text.Span);
                break;
            case ReadOnlyMemory<byte> bytes:
                json.WritePropertyName(Convert.ToBase64String(bytes.Span));
                break;
            case var other:
                json.WritePropertyName(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }
}
