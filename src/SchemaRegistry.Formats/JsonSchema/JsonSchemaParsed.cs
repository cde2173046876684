using System.Text.Json;
using SchemaRegistry.Core.Formats;

namespace SchemaRegistry.Formats.JsonSchema;

/// <summary>A JSON Schema that passed its dialect's meta-schema: the parsed document's root, kept for comparing.</summary>
public sealed record JsonSchemaParsed(string Text, JsonElement Root) : ParsedSchema(JsonSchemaFormat.FormatName, Text);
