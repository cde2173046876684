using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>One JSON document holding schemas (the root schema, a remote, a meta-schema).</summary>
internal sealed class SchemaDocument(JsonElement root, Uri retrievalUri)
{
    public JsonElement Root { get; } = root;

    public Uri RetrievalUri { get; } = retrievalUri;
}
