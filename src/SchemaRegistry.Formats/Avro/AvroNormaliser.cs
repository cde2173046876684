using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// Writes the identity form of a schema (docs/formats-avro.md): Parsing Canonical Form's full names, attribute order
/// and primitive shorthand, plus what resolution and readers need that it drops: field defaults, aliases (as sorted
/// full names), enum defaults, logical types with precision and scale, sort orders other than ascending and custom
/// attributes (sorted). Documentation is dropped. A named type is written in full where it first occurs in the
/// schema's own text, and by name afterwards and wherever a reference defines it.
/// </summary>
internal static class AvroNormaliser
{
    public static string Normalise(AvroParsedSchema schema)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var written = new HashSet<string>(schema.ReferencedNames, StringComparer.Ordinal);
            Write(writer, schema.Root, written);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, AvroType type, HashSet<string> written)
    {
        switch (type)
        {
            case AvroUnion union:
                writer.WriteStartArray();
                foreach (var branch in union.Branches)
                {
                    Write(writer, branch, written);
                }
                writer.WriteEndArray();
                return;
            case AvroNamed named when !written.Add(named.FullName):
                writer.WriteStringValue(named.FullName);
                return;
            case AvroPrimitive when type.LogicalType is null && type.Properties.Count == 0:
                writer.WriteStringValue(type.Kind);
                return;
        }
        writer.WriteStartObject();
        writer.WriteString("type", type.Kind);
        if (type is AvroNamed n)
        {
            writer.WriteString("name", n.FullName);
            Aliases(writer, n.Aliases);
        }
        switch (type)
        {
            case AvroRecord record:
                writer.WriteStartArray("fields");
                foreach (var field in record.Fields)
                {
                    Field(writer, field, written);
                }
                writer.WriteEndArray();
                break;
            case AvroEnum e:
                writer.WriteStartArray("symbols");
                foreach (var symbol in e.Symbols)
                {
                    writer.WriteStringValue(symbol);
                }
                writer.WriteEndArray();
                if (e.Default is not null)
                {
                    writer.WriteString("default", e.Default);
                }
                break;
            case AvroFixed f:
                writer.WriteNumber("size", f.Size);
                break;
            case AvroArray a:
                writer.WritePropertyName("items");
                Write(writer, a.Items, written);
                break;
            case AvroMap m:
                writer.WritePropertyName("values");
                Write(writer, m.Values, written);
                break;
        }
        if (type.LogicalType is not null)
        {
            writer.WriteString("logicalType", type.LogicalType);
            if (type.Precision is { } precision)
            {
                writer.WriteNumber("precision", precision);
            }
            if (type.Scale is { } scale)
            {
                writer.WriteNumber("scale", scale);
            }
        }
        Properties(writer, type.Properties);
        writer.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter writer, AvroField field, HashSet<string> written)
    {
        writer.WriteStartObject();
        writer.WriteString("name", field.Name);
        Aliases(writer, field.Aliases);
        writer.WritePropertyName("type");
        Write(writer, field.Type, written);
        if (field.Default is not null)
        {
            writer.WritePropertyName("default");
            writer.WriteRawValue(field.Default, skipInputValidation: true);
        }
        if (field.Order is not null)
        {
            writer.WriteString("order", field.Order);
        }
        Properties(writer, field.Properties);
        writer.WriteEndObject();
    }

    private static void Aliases(Utf8JsonWriter writer, IReadOnlyList<string> aliases)
    {
        if (aliases.Count == 0)
        {
            return;
        }
        writer.WriteStartArray("aliases");
        foreach (var alias in aliases.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(alias);
        }
        writer.WriteEndArray();
    }

    private static void Properties(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> properties)
    {
        foreach (var (name, value) in properties)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(value, skipInputValidation: true);
        }
    }
}
