using System.Text.Json.Nodes;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Json;

namespace SchemaRegistry.Data.References;

/// <summary>
/// Makes a payload self-contained for comparison: every referenced registered schema is copied under
/// <c>$defs["schemareg:FQID"]</c> and every <c>schemareg:</c> (or canonical-URL) reference, in the payload and in the
/// copies, is rewritten to point there, as are the copies' own local references. Two versions can then be diffed
/// through their references: a dependency moving to a compatible version is not a change.
/// </summary>
public static class ReferenceBundler
{
    public static string Bundle(string payload, IReadOnlyDictionary<string, string> referenced, string canonicalPrefix)
    {
        if (referenced.Count == 0 || JsonNode.Parse(payload) is not JsonObject root)
        {
            return payload;
        }
        Rewrite(root, "", canonicalPrefix);
        var defs = root["$defs"] as JsonObject ?? new JsonObject();
        root["$defs"] = defs;
        foreach (var (fqid, text) in referenced)
        {
            var copy = JsonNode.Parse(text);
            var key = Key(fqid);
            Rewrite(copy, "/$defs/" + JsonPointer.Escape(key), canonicalPrefix);
            defs[key] = copy;
        }
        return root.ToJsonString();
    }

    private static string Key(string fqid) => ReferenceScanner.Scheme + fqid;

    /// <summary>Points schemareg references at the bundled copies and local ones at their new place.</summary>
    private static void Rewrite(JsonNode? node, string localBase, string canonicalPrefix)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference))
                {
                    if (ReferenceScanner.TryGetFqid(reference, canonicalPrefix, out var fqid))
                    {
                        var hash = reference.IndexOf('#', StringComparison.Ordinal);
                        obj["$ref"] = "#/$defs/" + JsonPointer.Escape(Key(fqid)) + (hash < 0 ? "" : reference[(hash + 1)..]);
                    }
                    else if (reference.StartsWith('#') && localBase.Length > 0)
                    {
                        obj["$ref"] = "#" + localBase + reference[1..];
                    }
                }
                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child, localBase, canonicalPrefix);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item, localBase, canonicalPrefix);
                }
                break;
        }
    }
}
