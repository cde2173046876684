using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace SchemaRegistry.Storage.Backup;

/// <summary>
/// A row as one JSON array, the same from every database: text as JSON strings (stored JSON stays text, byte for byte),
/// integers and timestamps (Unix milliseconds, as stored) as numbers, booleans as true/false, doubles in their shortest
/// round-trip form.
/// </summary>
internal static class RowCodec
{
    public static void Write(Utf8JsonWriter json, DbDataReader reader, BackupTable table)
    {
        json.WriteStartArray();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            if (reader.IsDBNull(i))
            {
                json.WriteNullValue();
                continue;
            }
            var value = reader.GetValue(i);
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    json.WriteStringValue((string)value);
                    break;
                case ColumnKind.Int32:
                case ColumnKind.Int64:
                    json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case ColumnKind.Bool:
                    json.WriteBooleanValue(value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0);
                    break;
                case ColumnKind.Double:
                    json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
        json.WriteEndArray();
    }

    /// <summary>The row's values typed for the table's columns (DBNull for null), or BAK-1001 naming what is wrong.</summary>
    public static object[] Read(byte[] line, BackupTable table)
    {
        var values = new object[table.Columns.Count];
        try
        {
            var reader = new Utf8JsonReader(line);
            Expect(ref reader, JsonTokenType.StartArray);
            for (var i = 0; i < values.Length; i++)
            {
                var column = table.Columns[i];
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    values[i] = column.Nullable ? DBNull.Value : throw new FormatException($"{column.Name} is null");
                    continue;
                }
                values[i] = column.Kind switch
                {
                    ColumnKind.Text => reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new FormatException($"{column.Name} is not text"),
                    ColumnKind.Int32 => reader.GetInt32(),
                    ColumnKind.Int64 => reader.GetInt64(),
                    ColumnKind.Bool => reader.GetBoolean(),
                    ColumnKind.Double => reader.GetDouble(),
                    _ => throw new FormatException(column.Kind.ToString()),
                };
            }
            Expect(ref reader, JsonTokenType.EndArray);
            if (reader.Read())
            {
                throw new FormatException("more than one value on the line");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw ArchiveErrors.Invalid($"A row of '{table.Name}' does not fit its columns: {e.Message}");
        }
        return values;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new FormatException($"expected {token}");
        }
    }
}
