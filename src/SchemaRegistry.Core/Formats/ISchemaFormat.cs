using SchemaRegistry.Core.Compatibility;

namespace SchemaRegistry.Core.Formats;

/// <summary>
/// One schema language the registry holds (JSON Schema, Avro, Protobuf): how a schema's text is parsed and checked,
/// written in the canonical form that gives it its identity, and compared with another version of itself. The
/// registry, the Confluent-compatible API and the console reach every format through this seam only; an
/// implementation does no I/O (references arrive as text).
/// </summary>
public interface ISchemaFormat
{
    /// <summary>The format's name in our envelope's <c>format</c> member and on the wire: <c>json-schema</c>, <c>avro</c>, <c>protobuf</c>.</summary>
    string Name { get; }

    /// <summary>The format's <c>schemaType</c> in the Confluent API: <c>JSON</c>, <c>AVRO</c>, <c>PROTOBUF</c>.</summary>
    string ConfluentType { get; }

    /// <summary>
    /// Parses and checks a schema. On failure the result carries no schema and at least one issue (code VAL-1102
    /// for a schema that is not valid in its language, VAL-1304 for a reference that does not resolve), whose message
    /// gives the parser's reason and, where the parser knows it, the line and column.
    /// </summary>
    /// <param name="text">
    /// The schema as its language writes it: JSON text for JSON Schema and Avro, <c>.proto</c> source for Protobuf.
    /// </param>
    /// <param name="references">
    /// The text of every schema this one refers to, transitively, by the name this schema uses for it: a <c>$ref</c>
    /// URI for JSON Schema, a named type's full name or the reference's name for Avro, an <c>import</c> path for
    /// Protobuf (the well-known types need no entry).
    /// </param>
    FormatParse Parse(string text, IReadOnlyDictionary<string, string> references);

    /// <summary>
    /// The canonical text of a parsed schema: two schemas that the format says are the same (member order,
    /// whitespace, defaults spelled or not, documentation where it does not matter) give the same text, so the
    /// registry can give them one identity. Deterministic across processes and versions of this code.
    /// </summary>
    string Normalise(ParsedSchema schema);

    /// <summary>
    /// Every compatibility-relevant difference from <paramref name="older"/> to <paramref name="newer"/>, each with
    /// its backward and forward verdict, path, reason and, where one exists, an example that breaks it.
    /// <see cref="CompatibilityRules"/> turns the diff into a verdict for a mode; transitive modes call this once
    /// per earlier version.
    /// </summary>
    SchemaDiff Compare(ParsedSchema older, ParsedSchema newer);
}
