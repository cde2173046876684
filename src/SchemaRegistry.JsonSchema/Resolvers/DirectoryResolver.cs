using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Resolvers;

/// <summary>
/// Serves schema documents under a URI prefix from files in a folder (the test suite's
/// <c>http://localhost:1234/</c> remotes, say). Never reaches a network; never leaves the folder.
/// </summary>
public sealed class DirectoryResolver(Uri prefix, string directory) : ISchemaResolver
{
    private readonly string _root = Path.GetFullPath(directory);
    private readonly Dictionary<string, JsonElement?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public JsonElement? Resolve(Uri uri)
    {
        var text = uri.GetLeftPart(UriPartial.Path);
        var start = prefix.AbsoluteUri;
        if (!text.StartsWith(start, StringComparison.Ordinal))
        {
            return null;
        }
        var relative = Uri.UnescapeDataString(text[start.Length..]);
        var path = Path.GetFullPath(Path.Combine(_root, relative));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }
        lock (_lock)
        {
            if (!_cache.TryGetValue(path, out var document))
            {
                document = File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone() : null;
                _cache[path] = document;
            }
            return document;
        }
    }
}
