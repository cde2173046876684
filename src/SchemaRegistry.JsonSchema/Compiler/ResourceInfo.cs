using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>A schema resource (a document root or a subschema with its own $id) and what it declares.</summary>
internal sealed class ResourceInfo(Uri uri)
{
    public Uri Uri { get; } = uri;

    public SchemaLocation? Root { get; set; }

    public Dictionary<string, SchemaLocation> DynamicAnchors { get; } = new(StringComparer.Ordinal);

    public ResourceScope Scope { get; } = new(uri);
}
