using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// Apache Avro as a schema format: schemas parsed and checked by Apache.Avro (named types of other schemas arrive as
/// references by full name), an identity form that keeps what resolution needs, and compatibility by the
/// specification's schema-resolution rules. See docs/formats-avro.md.
/// </summary>
public sealed class AvroFormat : ISchemaFormat
{
    internal const string FormatName = "avro";

    public string Name => FormatName;

    public string ConfluentType => "AVRO";

    public FormatParse Parse(string text, IReadOnlyDictionary<string, string> references)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(references);
        return AvroSchemaParser.Parse(text, references);
    }

    public string Normalise(ParsedSchema schema) => AvroNormaliser.Normalise(Avro(schema, nameof(schema)));

    public SchemaDiff Compare(ParsedSchema older, ParsedSchema newer) =>
        AvroComparer.Compare(Avro(older, nameof(older)).Root, Avro(newer, nameof(newer)).Root);

    private static AvroParsedSchema Avro(ParsedSchema schema, string name)
    {
        ArgumentNullException.ThrowIfNull(schema, name);
        return schema as AvroParsedSchema
            ?? throw new ArgumentException($"The schema was parsed by the '{schema.Format}' format, not by '{FormatName}'.", name);
    }
}
