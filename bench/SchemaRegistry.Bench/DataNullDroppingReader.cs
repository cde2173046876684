using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Data.Records;

namespace SchemaRegistry.Bench;

/// <summary>
/// Wraps a reader and rewrites each record without the members whose value is null, except top-level ones whose
/// schema kinds include null: what the Parquet reader would emit if it treated a null in an optional column whose
/// schema does not accept null as "absent", the way the CSV reader already does for an empty cell. Only top-level
/// kinds are public (<c>DataShape.TopLevelKinds</c>); nested nulls are all dropped, which is right for the invoice
/// schema (no nested field accepts null). The rewrite is extra work the product's reader would not do on its own.
/// </summary>
internal sealed class DataNullDroppingReader(IRecordReader inner, IReadOnlyDictionary<string, ValueKinds> topLevelKinds) : IRecordReader
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly HashSet<string> _nullableTopLevel =
        [.. topLevelKinds.Where(p => (p.Value & ValueKinds.Null) != 0).Select(p => p.Key)];

    private readonly RecordBlock _innerBlock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private Utf8JsonWriter? _writer;

    public IReadOnlyList<SourceField> DeclaredFields => inner.DeclaredFields;

    public async ValueTask<bool> ReadAsync(RecordBlock block, CancellationToken cancellationToken)
    {
        block.Clear();
        if (!await inner.ReadAsync(_innerBlock, cancellationToken))
        {
            return false;
        }
        foreach (var record in _innerBlock.Records)
        {
            Rewrite(_innerBlock.Json(record));
            block.Add(record.Number, _buffer.WrittenSpan);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        await inner.DisposeAsync();
    }

    private void Rewrite(ReadOnlySpan<byte> json)
    {
        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        }
        else
        {
            _writer.Reset(_buffer);
        }
        var writer = _writer;
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var next = reader;
                    next.Read();
                    if (next.TokenType == JsonTokenType.Null && !(reader.CurrentDepth == 1 && _nullableTopLevel.Contains(reader.GetString()!)))
                    {
                        reader = next;
                        continue;
                    }
                    if (reader.ValueIsEscaped)
                    {
                        writer.WritePropertyName(reader.GetString()!);
                    }
                    else
                    {
                        writer.WritePropertyName(reader.ValueSpan);
                    }
                    break;
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.String when reader.ValueIsEscaped:
                    writer.WriteStringValue(reader.GetString());
                    break;
                case JsonTokenType.String:
                    writer.WriteStringValue(reader.ValueSpan);
                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
            }
        }
        writer.Flush();
    }
}
