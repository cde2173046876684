namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>A schema resource as the dynamic scope sees it: its dynamic anchors and whether it has $recursiveAnchor.</summary>
internal sealed class ResourceScope(Uri baseUri)
{
    public Uri BaseUri { get; } = baseUri;

    public Dictionary<string, SchemaNode> DynamicAnchors { get; } = new(StringComparer.Ordinal);

    public SchemaNode? Root { get; set; }

    public bool RecursiveAnchor { get; set; }
}
