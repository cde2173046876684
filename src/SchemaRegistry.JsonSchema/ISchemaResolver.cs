using System.Text.Json;

namespace SchemaRegistry.JsonSchema;

/// <summary>Supplies schema documents the compiler cannot find inside the schema itself (remote refs, registry refs).</summary>
public interface ISchemaResolver
{
    /// <summary>The document named by <paramref name="uri"/> (without fragment), or null when unknown.</summary>
    JsonElement? Resolve(Uri uri);
}
