using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Data.Readers;

/// <summary>Writes one CSV cell as a property of the record object, by the rules in <see cref="CsvRecordReader"/>.</summary>
internal static class CsvCellWriter
{
    /// <summary>What an undeclared column's values may become.</summary>
    private const ValueKinds Inferred = ValueKinds.Integer | ValueKinds.Fraction | ValueKinds.Boolean | ValueKinds.String;

    public static void Write(Utf8JsonWriter json, CsvColumn column, ReadOnlySpan<byte> text, bool quoted)
    {
        if (text.IsEmpty && !quoted)
        {
            if (column.Kinds is { } declared && declared.HasFlag(ValueKinds.Null))
            {
                json.WriteNull(column.Name);
            }
            return;
        }
        var kinds = column.Kinds ?? Inferred;
        if ((kinds & (ValueKinds.Integer | ValueKinds.Fraction)) != 0 && JsonNumber.IsValid(text))
        {
            json.WritePropertyName(column.Name);
            json.WriteRawValue(text, skipInputValidation: true);
        }
        else if (kinds.HasFlag(ValueKinds.Boolean) && TryParseBoolean(text, out var value))
        {
            json.WriteBoolean(column.Name, value);
        }
        else if (IsJsonContainer(text, kinds))
        {
            json.WritePropertyName(column.Name);
            json.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            // Invalid UTF-8 comes out with each bad sequence replaced by U+FFFD (Utf8JsonWriter's behaviour).
            json.WriteString(column.Name, text);
        }
    }

    private static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        value = Ascii.EqualsIgnoreCase(text, "true"u8);
        return value || Ascii.EqualsIgnoreCase(text, "false"u8);
    }

    /// <summary>True when the text is one complete JSON object (or array) and the kinds admit objects (arrays).</summary>
    private static bool IsJsonContainer(ReadOnlySpan<byte> text, ValueKinds kinds)
    {
        if (text.IsEmpty)
        {
            return false;
        }
        var admitted = text[0] switch
        {
            (byte)'{' => kinds.HasFlag(ValueKinds.Object),
            (byte)'[' => kinds.HasFlag(ValueKinds.Array),
            _ => false,
        };
        if (!admitted || !Utf8.IsValid(text))
        {
            return false;
        }
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
