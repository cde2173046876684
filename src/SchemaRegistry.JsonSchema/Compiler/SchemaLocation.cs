using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>Where a (sub)schema sits: its JSON, base URI, dialect, owning resource and pointers.</summary>
internal sealed class SchemaLocation(JsonElement element, SchemaDocument document, string documentPointer, ResourceInfo resource, string resourcePointer, DialectInfo dialect)
{
    public JsonElement Element { get; } = element;

    public SchemaDocument Document { get; } = document;

    public string DocumentPointer { get; } = documentPointer;

    public ResourceInfo Resource { get; } = resource;

    public string ResourcePointer { get; } = resourcePointer;

    public DialectInfo Dialect { get; } = dialect;

    public Uri BaseUri => Resource.Uri;

    public string AbsoluteLocation => UriUtil.WithoutFragment(Resource.Uri) + "#" + ResourcePointer;
}
