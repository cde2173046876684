using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>The drafts' meta-schemas, embedded, found by their $id with or without a trailing '#'.</summary>
internal static class MetaSchemaStore
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Documents = new(Load);

    public static bool TryGet(string uri, out JsonElement document) =>
        Documents.Value.TryGetValue(Normalize(uri), out document);

    private static Dictionary<string, JsonElement> Load()
    {
        var assembly = typeof(MetaSchemaStore).Assembly;
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("metaschemas/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement.Clone();
            var id = root.TryGetProperty("$id", out var modern) ? modern.GetString() : root.TryGetProperty("id", out var old) ? old.GetString() : null;
            if (id is not null)
            {
                documents[Normalize(id)] = root;
            }
        }
        return documents;
    }

    private static string Normalize(string uri) => uri.TrimEnd('#');
}
