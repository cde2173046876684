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

    /// <param name="utf8">False when the row's text may hold invalid UTF-8 (then this cell is checked).</param>
    public static void Write(Utf8JsonWriter json, CsvColumn column, ReadOnlySpan<byte> text, bool quoted, bool utf8 = true)
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
        else if (utf8 || Utf8.IsValid(text))
        {
            json.WriteString(column.Name, text);
        }
        else
        {
            // Utf8JsonWriter would replace each bad sequence by U+FFFD, making the record valid and losing the
            // bytes: the cell keeps them, so the validator flags the record and the quarantine holds what arrived.
            json.WritePropertyName(column.Name);
            json.WriteRawValue(QuoteKeepingBytes(text), skipInputValidation: true);
        }
    }

    /// <summary>The text as a JSON string, escaping only what JSON requires and leaving every other byte as it is.</summary>
    private static byte[] QuoteKeepingBytes(ReadOnlySpan<byte> text)
    {
        var quoted = new List<byte>(text.Length + 8) { (byte)'"' };
        foreach (var b in text)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                quoted.Add((byte)'\\');
                quoted.Add(b);
            }
            else if (b < 0x20)
            {
                quoted.AddRange(Encoding.ASCII.GetBytes($"\\u{b:x4}"));
            }
            else
            {
                quoted.Add(b);
            }
        }
        quoted.Add((byte)'"');
        return [.. quoted];
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
