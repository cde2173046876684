using System.Text.Json;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Formats.JsonSchema;

/// <summary>
/// JSON Schema through the format seam: the registry's own validator checks the payload against its dialect's
/// meta-schema, <see cref="CanonicalJson"/> gives its identity and <see cref="SchemaDiffer"/> compares two versions.
/// </summary>
public sealed class JsonSchemaFormat : ISchemaFormat
{
    public const string FormatName = SchemaDefinition.JsonSchemaFormat;

    public string Name => FormatName;

    public string ConfluentType => "JSON";

    public FormatParse Parse(string text, IReadOnlyDictionary<string, string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return FormatParse.Refused([new Issue(ErrorCode.PayloadInvalid, "", $"The schema is not JSON: {e.Message}")]);
        }
        var issues = JsonSchemaMetaCheck.Check(text, references.Count == 0 ? null : new TextResolver(references));
        return issues.Count > 0 ? FormatParse.Refused(issues) : FormatParse.Accepted(new JsonSchemaParsed(text, root));
    }

    public string Normalise(ParsedSchema schema) => CanonicalJson.Write(Of(schema).Root);

    public SchemaDiff Compare(ParsedSchema older, ParsedSchema newer) => SchemaDiffer.Diff(Of(older).Root, Of(newer).Root);

    private static JsonSchemaParsed Of(ParsedSchema schema) =>
        schema as JsonSchemaParsed ?? throw new ArgumentException($"A {schema.Format} schema was given to the JSON Schema format.", nameof(schema));

    /// <summary>References by the URI the schema's <c>$ref</c> spells.</summary>
    private sealed class TextResolver(IReadOnlyDictionary<string, string> references) : ISchemaResolver
    {
        public JsonElement? Resolve(Uri uri) =>
            references.TryGetValue(uri.OriginalString, out var text) ? JsonDocument.Parse(text).RootElement.Clone() : null;
    }
}
