using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Core.Tests.Compatibility.Soundness;

/// <summary>
/// A targeted instance search over two schemas at once. At each location it gathers every subschema of both sides
/// that may apply there (through references, plain-name anchors, composition, conditionals, dependent schemas,
/// pattern and additional/unevaluated properties, tuple positions and their tails) and builds values from their
/// constants, enum members, bounds (and one step past them), lengths, property names and array positions.
/// <see cref="Neighbours"/> then varies an instance one member or one item at a time, so an instance valid under
/// one side is pushed across the other side's boundary.
/// </summary>
internal sealed class InstanceSearch(JsonNode oldRoot, JsonNode newRoot, int seed)
{
    private const int MaxPerLocation = 24;
    private const int MaxDepth = 2;
    private static readonly string[] Texts = ["", "a", "b", "ab", "ba", "x", "xa", "aaaaaa", "abab", "2020-01-01"];
    private static readonly string[] Keys = ["a", "b", "c", "x1", "z"];
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, List<JsonNode?>> _candidates = new(StringComparer.Ordinal);

    private sealed record Scoped(JsonNode? Schema, JsonNode Root);

    private List<Scoped> RootPool => [new(oldRoot, oldRoot), new(newRoot, newRoot)];

    /// <summary>Candidate instances for the whole document.</summary>
    public List<JsonNode?> Instances() => Candidates(RootPool, 0);

    /// <summary>Instances that differ from <paramref name="instance"/> in one member or item (recursively, two levels).</summary>
    public IEnumerable<JsonNode?> Neighbours(JsonNode? instance) => Vary(instance, RootPool, 0);

    private IEnumerable<JsonNode?> Vary(JsonNode? instance, List<Scoped> pool, int depth)
    {
        if (depth > 1)
        {
            yield break;
        }
        var flat = Flatten(pool);
        if (instance is JsonObject o)
        {
            foreach (var name in o.Select(p => p.Key).ToList())
            {
                var without = (JsonObject)o.DeepClone();
                without.Remove(name);
                yield return without;
            }
            foreach (var name in Names(flat))
            {
                var memberPool = MemberPool(flat, name);
                foreach (var value in Candidates(memberPool, depth + 1).Take(10))
                {
                    var changed = (JsonObject)o.DeepClone();
                    changed[name] = value?.DeepClone();
                    yield return changed;
                }
                if (o[name] is { } current)
                {
                    foreach (var inner in Vary(current, memberPool, depth + 1).Take(12))
                    {
                        var changed = (JsonObject)o.DeepClone();
                        changed[name] = inner?.DeepClone();
                        yield return changed;
                    }
                }
            }
        }
        else if (instance is JsonArray a)
        {
            if (a.Count > 0)
            {
                var shorter = (JsonArray)a.DeepClone();
                shorter.RemoveAt(a.Count - 1);
                yield return shorter;
            }
            for (var i = 0; i <= Math.Min(a.Count, 4); i++)
            {
                var positionPool = PositionPool(flat, i);
                foreach (var value in Candidates(positionPool, depth + 1).Take(8))
                {
                    var changed = (JsonArray)a.DeepClone();
                    if (i < a.Count)
                    {
                        changed[i] = value?.DeepClone();
                    }
                    else
                    {
                        changed.Add(value?.DeepClone());
                    }
                    yield return changed;
                }
                if (i < a.Count)
                {
                    foreach (var inner in Vary(a[i], positionPool, depth + 1).Take(8))
                    {
                        var changed = (JsonArray)a.DeepClone();
                        changed[i] = inner?.DeepClone();
                        yield return changed;
                    }
                }
            }
        }
    }

    private List<JsonNode?> Candidates(List<Scoped> pool, int depth)
    {
        // Locations repeat (every neighbour of an instance asks for the same members), so candidates are built once.
        var key = depth + ":" + string.Join(",", pool.Select(p => RuntimeHelpers.GetHashCode(p.Schema) + "@" + RuntimeHelpers.GetHashCode(p.Root)));
        if (!_candidates.TryGetValue(key, out var values))
        {
            values = BuildCandidates(pool, depth);
            _candidates[key] = values;
        }
        return values;
    }

    private List<JsonNode?> BuildCandidates(List<Scoped> pool, int depth)
    {
        var flat = Flatten(pool);
        var values = new List<JsonNode?>();
        foreach (var (schema, _) in flat)
        {
            if (schema["const"] is { } constant)
            {
                values.Add(constant.DeepClone());
            }
            if (schema["enum"] is JsonArray members)
            {
                values.AddRange(members.Select(m => m?.DeepClone()));
            }
        }
        // Values of the declared types come first, so the cap cuts values every side rejects anyway.
        var declared = flat.SelectMany(f => f.Schema["type"] switch
        {
            JsonArray list => list.Select(t => t?.ToString() ?? ""),
            JsonValue v => [v.ToString()],
            _ => [],
        }).ToHashSet(StringComparer.Ordinal);
        bool Wanted(params string[] types) => declared.Count == 0 || types.Any(declared.Contains);
        var others = new List<JsonNode?>();
        if (depth < MaxDepth)
        {
            (Wanted("object") ? values : others).AddRange(Objects(flat, depth));
            (Wanted("array") ? values : others).AddRange(Arrays(flat, depth));
        }
        (Wanted("number", "integer") ? values : others).AddRange(Numbers(flat).Select(n => (JsonNode?)JsonValue.Create(n)));
        (Wanted("string") ? values : others).AddRange(Strings(flat).Select(s => (JsonNode?)JsonValue.Create(s)));
        (Wanted("boolean") ? values : others).AddRange([JsonValue.Create(true), JsonValue.Create(false)]);
        (Wanted("null") ? values : others).Add(null);
        var kept = values.DistinctBy(v => v?.ToJsonString() ?? "null").Take(MaxPerLocation).ToList();
        kept.AddRange(others.DistinctBy(v => v?.ToJsonString() ?? "null").Take(4));
        return kept;
    }

    private static IEnumerable<decimal> Numbers(List<(JsonObject Schema, JsonNode Root)> flat)
    {
        foreach (var (schema, _) in flat)
        {
            foreach (var keyword in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" })
            {
                if (Number(schema[keyword]) is { } b)
                {
                    yield return b;
                    yield return b - 1;
                    yield return b + 1;
                    yield return b + 0.5m;
                }
            }
            if (Number(schema["multipleOf"]) is { } m)
            {
                yield return m;
                yield return m * 3;
                yield return m + 1;
            }
        }
        yield return 0;
        yield return 1;
        yield return -1;
        yield return 2.5m;
    }

    private static IEnumerable<string> Strings(List<(JsonObject Schema, JsonNode Root)> flat)
    {
        foreach (var (schema, _) in flat)
        {
            foreach (var keyword in new[] { "minLength", "maxLength" })
            {
                if (Number(schema[keyword]) is { } b && b < 50)
                {
                    foreach (var length in new[] { b - 1, b, b + 1 }.Where(l => l >= 0))
                    {
                        yield return new string('a', (int)length);
                    }
                }
            }
        }
        foreach (var text in Texts)
        {
            yield return text;
        }
    }

    private IEnumerable<JsonNode?> Objects(List<(JsonObject Schema, JsonNode Root)> flat, int depth)
    {
        var names = Names(flat);
        var members = names.ToDictionary(n => n, n => Candidates(MemberPool(flat, n), depth + 1).Take(8).ToList());
        var required = flat.SelectMany(f => f.Schema["required"] is JsonArray r ? r.Select(x => x?.ToString() ?? "") : []).Distinct().ToList();
        yield return new JsonObject();
        yield return Build(required, _ => 0);
        yield return Build(names, _ => 0);
        for (var i = 0; i < 5; i++)
        {
            yield return Build(names.Where(_ => _random.Next(3) > 0), n => _random.Next(members[n].Count));
        }

        JsonObject Build(IEnumerable<string> chosen, Func<string, int> pick)
        {
            var result = new JsonObject();
            foreach (var name in chosen)
            {
                var options = members.TryGetValue(name, out var m) ? m : [JsonValue.Create("a")];
                result[name] = options.Count == 0 ? null : options[pick(name) % options.Count]?.DeepClone();
            }
            return result;
        }
    }

    private IEnumerable<JsonNode?> Arrays(List<(JsonObject Schema, JsonNode Root)> flat, int depth)
    {
        var longest = flat.Select(f => f.Schema["prefixItems"] is JsonArray p ? p.Count : f.Schema["items"] is JsonArray t ? t.Count : 0).DefaultIfEmpty(0).Max();
        var positions = Enumerable.Range(0, Math.Min(longest + 2, 4)).Select(i => Candidates(PositionPool(flat, i), depth + 1).Take(8).ToList()).ToList();
        yield return new JsonArray();
        for (var length = 1; length <= positions.Count; length++)
        {
            yield return new JsonArray([.. positions.Take(length).Select(p => p.Count == 0 ? null : p[0]?.DeepClone())]);
            yield return new JsonArray([.. positions.Take(length).Select(p => p.Count == 0 ? null : p[_random.Next(p.Count)]?.DeepClone())]);
        }
    }

    private static List<string> Names(List<(JsonObject Schema, JsonNode Root)> flat)
    {
        var names = new List<string>();
        foreach (var (schema, _) in flat)
        {
            if (schema["properties"] is JsonObject properties)
            {
                names.AddRange(properties.Select(p => p.Key));
            }
            if (schema["required"] is JsonArray required)
            {
                names.AddRange(required.Select(r => r?.ToString() ?? ""));
            }
            foreach (var keyword in new[] { "dependentSchemas", "dependencies", "patternProperties" })
            {
                if (schema[keyword] is JsonObject map)
                {
                    names.AddRange(map.Select(p => p.Key));
                }
            }
        }
        names.AddRange(Keys);
        return [.. names.Where(n => !n.StartsWith('^')).Distinct(StringComparer.Ordinal)];
    }

    private static List<Scoped> MemberPool(List<(JsonObject Schema, JsonNode Root)> flat, string name)
    {
        var pool = new List<Scoped>();
        foreach (var (schema, root) in flat)
        {
            if (schema["properties"] is JsonObject properties && properties.ContainsKey(name))
            {
                pool.Add(new(properties[name], root));
            }
            if (schema["patternProperties"] is JsonObject patterns)
            {
                pool.AddRange(patterns.Where(p => Regex.IsMatch(name, p.Key, RegexOptions.None, TimeSpan.FromSeconds(1))).Select(p => new Scoped(p.Value, root)));
            }
            pool.AddRange(new[] { "additionalProperties", "unevaluatedProperties" }.Select(k => schema[k]).OfType<JsonObject>().Select(s => new Scoped(s, root)));
        }
        return pool;
    }

    private static List<Scoped> PositionPool(List<(JsonObject Schema, JsonNode Root)> flat, int position)
    {
        var pool = new List<Scoped>();
        foreach (var (schema, root) in flat)
        {
            var tuple = schema["prefixItems"] as JsonArray ?? schema["items"] as JsonArray;
            if (tuple is not null && position < tuple.Count)
            {
                pool.Add(new(tuple[position], root));
            }
            foreach (var keyword in new[] { "items", "additionalItems", "unevaluatedItems", "contains" })
            {
                if (schema[keyword] is JsonObject tail)
                {
                    pool.Add(new(tail, root));
                }
            }
        }
        return pool;
    }

    /// <summary>Every object subschema that may apply at a location: the pool, their references and in-place applicators.</summary>
    private static List<(JsonObject Schema, JsonNode Root)> Flatten(List<Scoped> pool)
    {
        var result = new List<(JsonObject, JsonNode)>();
        var queue = new Queue<Scoped>(pool);
        while (queue.Count > 0 && result.Count < 40)
        {
            var (node, root) = queue.Dequeue();
            if (node is not JsonObject schema)
            {
                continue;
            }
            result.Add((schema, root));
            if (schema["$ref"] is JsonValue r && r.GetValueKind() == JsonValueKind.String && SchemaTree.Resolve(root, r.GetValue<string>()) is { } target)
            {
                queue.Enqueue(new(target, root));
            }
            foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
            {
                if (schema[keyword] is JsonArray branches)
                {
                    foreach (var branch in branches)
                    {
                        queue.Enqueue(new(branch, root));
                    }
                }
            }
            foreach (var keyword in new[] { "not", "if", "then", "else" })
            {
                queue.Enqueue(new(schema[keyword], root));
            }
            foreach (var keyword in new[] { "dependentSchemas", "dependencies" })
            {
                if (schema[keyword] is JsonObject map)
                {
                    foreach (var (_, value) in map)
                    {
                        queue.Enqueue(new(value, root));
                    }
                }
            }
        }
        return result;
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
