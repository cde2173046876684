using System.Text.Json.Nodes;

namespace SchemaRegistry.Core.Tests.Compatibility.Soundness;

/// <summary>
/// Shrinks a failing pair by deleting one keyword, one subschema or one array entry at the same place from both
/// schemas (or from the one side that has it), biggest pieces first, so the reported counterexample is small.
/// </summary>
internal static class PairShrinker
{
    public static IEnumerable<SchemaPair> Shrink(SchemaPair pair)
    {
        var paths = Paths(pair.Old).Concat(Paths(pair.New)).Distinct(StringComparer.Ordinal)
            .OrderBy(p => p.Count(c => c == '/')).ThenBy(p => p, StringComparer.Ordinal).ToList();
        foreach (var path in paths)
        {
            var old = (JsonObject)pair.Old.DeepClone();
            var @new = (JsonObject)pair.New.DeepClone();
            var changed = Delete(old, path) | Delete(@new, path);
            if (changed)
            {
                yield return pair with { Old = old, New = @new, Mutations = pair.Mutations + " | shrunk: -" + path };
            }
        }
    }

    /// <summary>Paths of every keyword of every subschema and of every subschema slot, except <c>$schema</c>.</summary>
    private static IEnumerable<string> Paths(JsonObject root)
    {
        var objects = new List<(string Path, JsonObject Schema)> { ("", root) };
        foreach (var slot in SchemaTree.Slots(root))
        {
            yield return slot.Path;
            if (slot.Get() is JsonObject schema)
            {
                objects.Add((slot.Path, schema));
            }
        }
        foreach (var (path, schema) in objects)
        {
            foreach (var key in schema.Select(p => p.Key))
            {
                if (key != "$schema")
                {
                    yield return path + "/" + key;
                }
            }
        }
    }

    private static bool Delete(JsonObject root, string path)
    {
        var tokens = path.Split('/')[1..];
        JsonNode? node = root;
        foreach (var token in tokens[..^1])
        {
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }
        var last = tokens[^1];
        switch (node)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                return true;
            case JsonArray a when int.TryParse(last, out var i) && i < a.Count && a.Count > 1:
                a.RemoveAt(i);
                return true;
            default:
                return false;
        }
    }
}
