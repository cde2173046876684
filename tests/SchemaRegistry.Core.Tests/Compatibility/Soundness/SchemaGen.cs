using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace SchemaRegistry.Core.Tests.Compatibility.Soundness;

/// <summary>
/// FsCheck generators of small random schemas of one draft: typed leaves with their bounds, objects (properties,
/// required, additionalProperties, patternProperties, unevaluatedProperties, dependentSchemas/dependencies,
/// propertyNames), arrays (prefixItems or tuple items, items, additionalItems, unevaluatedItems, contains),
/// composition (allOf/anyOf/oneOf/not/if-then-else) and references to definitions by pointer or by plain-name
/// fragment (<c>$anchor</c>, draft-07's <c>"$id": "#name"</c>).
/// </summary>
internal static class SchemaGen
{
    public static readonly string[] Names = ["a", "b", "c"];

    /// <summary>A pseudo keyword whose value's members are set together (keywords that interact, such as a tuple and unevaluatedItems).</summary>
    private const string Together = "(together)";

    /// <summary>What a subschema generator may use: the draft and the references that resolve in the document.</summary>
    public sealed record Context(Draft Draft, string[] Refs)
    {
        public bool Modern => Draft != Draft.Draft7;

        public string DefsKeyword => Draft == Draft.Draft7 ? "definitions" : "$defs";
    }

    public static Gen<JsonObject> Root(Draft draft) =>
        from anchored in Gen.ListOf(Gen.Elements(false, true), 2)
        from count in Gen.Choose(0, 2)
        from defs in Gen.ListOf(Node(new Context(draft, []), 1), count)
        from body in Gen.Frequency(
            (3, ObjectSchema(new Context(draft, Refs(draft, anchored, count)), 2)),
            (2, ArraySchema(new Context(draft, Refs(draft, anchored, count)), 2)),
            (2, Node(new Context(draft, Refs(draft, anchored, count)), 2)))
        select Assemble(draft, body, defs.ToList(), anchored.ToList());

    private static string[] Refs(Draft draft, IList<bool> anchored, int count)
    {
        var context = new Context(draft, []);
        return [.. Enumerable.Range(0, count).SelectMany(i => anchored[i] ? new[] { $"#/{context.DefsKeyword}/D{i}", $"#D{i}", $"#D{i}" } : [$"#/{context.DefsKeyword}/D{i}"])];
    }

    private static JsonObject Assemble(Draft draft, JsonNode body, List<JsonNode> defs, List<bool> anchored)
    {
        var root = new JsonObject { ["$schema"] = SchemaPair.SchemaUri(draft) };
        var content = body?.DeepClone() switch
        {
            JsonObject o => o,
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.False => new JsonObject { ["not"] = new JsonObject() },
            _ => [],
        };
        foreach (var (key, value) in content.ToList())
        {
            content.Remove(key);
            root[key] = value;
        }
        if (defs.Count > 0)
        {
            var map = new JsonObject();
            for (var i = 0; i < defs.Count; i++)
            {
                var def = defs[i]?.DeepClone() as JsonObject ?? new JsonObject { ["allOf"] = new JsonArray(defs[i]?.DeepClone()) };
                if (anchored[i])
                {
                    def = Anchor(draft, def, "D" + i);
                }
                map["D" + i] = def;
            }
            root[new Context(draft, []).DefsKeyword] = map;
        }
        return root;
    }

    /// <summary>The schema with a plain-name anchor in the draft's spelling put first.</summary>
    public static JsonObject Anchor(Draft draft, JsonObject schema, string name)
    {
        var anchored = draft == Draft.Draft7 ? new JsonObject { ["$id"] = "#" + name } : new JsonObject { ["$anchor"] = name };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            anchored[key] = value;
        }
        return anchored;
    }

    public static Gen<JsonNode> Node(Context c, int depth)
    {
        var options = new List<(int, Gen<JsonNode>)> { (5, Leaf(c)), (1, Gen.Elements<JsonNode>(JsonValue.Create(true), JsonValue.Create(false))) };
        if (depth > 0)
        {
            options.Add((3, ObjectSchema(c, depth)));
            options.Add((3, ArraySchema(c, depth)));
            options.Add((3, Composition(c, depth)));
        }
        if (c.Refs.Length > 0)
        {
            options.Add((3, RefSchema(c)));
        }
        return Gen.Frequency(options);
    }

    /// <summary>A schema of the type with zero to three of the keywords: few enough that it is usually satisfiable.</summary>
    private static Gen<JsonNode> Build(Gen<string?> type, IEnumerable<Gen<(string, JsonNode)>> keywords) =>
        from t in type
        from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Constant(1)), (4, Gen.Constant(2)), (2, Gen.Constant(3)))
        from shuffled in Gen.Shuffle(keywords.ToArray())
        from pairs in Gen.CollectToList(shuffled.Take(count))
        select (JsonNode)Object(t, pairs);

    private static JsonObject Object(string? type, IEnumerable<(string Key, JsonNode Value)> pairs)
    {
        var o = new JsonObject();
        if (type is not null)
        {
            o["type"] = type;
        }
        foreach (var (key, value) in pairs)
        {
            if (key == Together && value is JsonObject group)
            {
                foreach (var (member, memberValue) in group)
                {
                    o[member] = memberValue?.DeepClone();
                }
                continue;
            }
            o[key] = value?.DeepClone();
        }
        return o;
    }

    private static Gen<(string, JsonNode)> K(string keyword, Gen<JsonNode> value) => value.Select(v => (keyword, v));

    private static Gen<JsonNode> Ints(int low, int high) => Gen.Choose(low, high).Select(i => (JsonNode)JsonValue.Create(i));

    private static Gen<JsonNode> Json(params string[] texts) => Gen.Elements(texts).Select(t => JsonNode.Parse(t)!);

    public static Gen<(string, JsonNode)>[] ValueKeywords =>
    [
        K("enum", Json("[1,2,\"a\"]", "[\"a\",\"b\"]", "[0,1.5,null]", "[\"a\"]", "[true,{\"a\":1},[1]]")),
        K("const", Json("1", "\"a\"", "true", "null", "{\"a\":\"a\"}", "[1,\"a\"]")),
    ];

    public static Gen<(string, JsonNode)>[] StringKeywords =>
    [
        K("minLength", Ints(0, 3)), K("maxLength", Ints(1, 5)), K("pattern", Json("\"^a\"", "\"b$\"", "\"^[ab]*$\"")),
    ];

    public static Gen<(string, JsonNode)>[] NumberKeywords =>
    [
        K("minimum", Ints(-2, 5)), K("maximum", Ints(0, 10)), K("exclusiveMinimum", Ints(-2, 5)), K("exclusiveMaximum", Ints(0, 10)),
        K("multipleOf", Json("2", "3", "0.5")),
    ];

    private static Gen<JsonNode> Leaf(Context c) => Gen.OneOf(
        Build(Gen.Constant<string?>("string"), [.. StringKeywords, .. ValueKeywords]),
        Build(Gen.Elements<string?>("integer", "number"), [.. NumberKeywords, .. ValueKeywords]),
        Build(Gen.Elements<string?>("boolean", "null", null), ValueKeywords),
        Build(Gen.Constant<string?>(null), [.. StringKeywords, .. NumberKeywords]));

    public static Gen<(string, JsonNode)>[] ObjectKeywords(Context c, int depth)
    {
        var list = new List<Gen<(string, JsonNode)>>
        {
            K("properties", Gen.SubListOf(Names).SelectMany(names => Gen.CollectToList(names.Select(n => Node(c, depth - 1).Select(s => (n, s)))))
                .Select(members => (JsonNode)new JsonObject(members.Select(m => KeyValuePair.Create(m.n, m.s?.DeepClone()))))),
            K("required", Gen.NonEmptyListOf(Gen.Elements(Names)).Select(names => (JsonNode)new JsonArray([.. names.Distinct().Select(n => (JsonNode)n)]))),
            K("additionalProperties", Json("false", "{\"type\":\"string\"}", "{\"type\":\"integer\",\"minimum\":0}")),
            K("patternProperties", Node(c, 0).Select(s => (JsonNode)new JsonObject { ["^x"] = s?.DeepClone() })),
            K("propertyNames", Json("{\"maxLength\":1}", "{\"pattern\":\"^[abx]$\"}")),
            K("minProperties", Ints(0, 2)), K("maxProperties", Ints(1, 3)),
        };
        if (c.Modern)
        {
            list.Add(K(Together,
                from s in Node(c, depth - 1)
                from place in Gen.Elements("properties", "allOf")
                from rest in Json("false", "{\"type\":\"integer\"}")
                select (JsonNode)(place == "properties"
                    ? new JsonObject { ["properties"] = new JsonObject { ["a"] = s.DeepClone() }, ["unevaluatedProperties"] = rest.DeepClone() }
                    : new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["properties"] = new JsonObject { ["a"] = s.DeepClone() } }), ["unevaluatedProperties"] = rest.DeepClone() })));
            list.Add(K("unevaluatedProperties", Json("false", "{\"type\":\"integer\"}")));
            list.Add(K("dependentSchemas", Node(c, 0).Select(s => (JsonNode)new JsonObject { ["a"] = s?.DeepClone() })));
        }
        else
        {
            list.Add(K("dependencies", Gen.OneOf(Node(c, 0), Json("[\"b\"]")).Select(s => (JsonNode)new JsonObject { ["a"] = s?.DeepClone() })));
            // Not a draft-07 keyword: the validator and the checker both ignore it, which is what is tested here.
            list.Add(K("unevaluatedProperties", Json("false", "{\"type\":\"integer\"}")));
        }
        return [.. list];
    }

    public static Gen<(string, JsonNode)>[] ArrayKeywords(Context c, int depth)
    {
        var tuple = Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Node(c, depth - 1), n)).Select(items => (JsonNode)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        var list = new List<Gen<(string, JsonNode)>>
        {
            K("items", Node(c, depth - 1)), K("contains", Node(c, 0)),
            K("minItems", Ints(0, 3)), K("maxItems", Ints(1, 4)), K("uniqueItems", Json("true")),
        };
        if (c.Draft == Draft.Draft202012)
        {
            list.Add(K("prefixItems", tuple));
        }
        else
        {
            list.Add(K("items", tuple));
            list.Add(K("additionalItems", Gen.OneOf(Node(c, 0), Json("false"))));
            // A keyword of a later draft, which this draft ignores.
            list.Add(K("prefixItems", tuple));
        }
        if (c.Draft == Draft.Draft7)
        {
            list.Add(K("unevaluatedItems", Json("false", "{\"type\":\"string\"}")));
        }
        if (c.Modern)
        {
            var tupleKeyword = c.Draft == Draft.Draft202012 ? "prefixItems" : "items";
            list.Add(K(Together, Gen.Zip(tuple, Json("false", "{\"type\":\"string\"}"),
                (t, rest) => (JsonNode)new JsonObject { [tupleKeyword] = t.DeepClone(), ["unevaluatedItems"] = rest.DeepClone() })));
            list.Add(K("unevaluatedItems", Json("false", "{\"type\":\"string\"}")));
            list.Add(K("minContains", Ints(0, 2)));
            list.Add(K("maxContains", Ints(1, 2)));
        }
        return [.. list];
    }

    public static Gen<(string, JsonNode)>[] CompositionKeywords(Context c, int depth)
    {
        var branches = Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Node(c, depth - 1), n)).Select(items => (JsonNode)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        return
        [
            K("allOf", branches), K("anyOf", branches), K("oneOf", branches), K("not", Node(c, 0)),
            K("if", Node(c, 0)), K("then", Node(c, depth - 1)), K("else", Node(c, depth - 1)),
        ];
    }

    public static Gen<JsonNode> ObjectSchema(Context c, int depth) =>
        Build(Gen.Elements<string?>("object", "object", null), [.. ObjectKeywords(c, depth), .. CompositionKeywords(c, 1)]);

    public static Gen<JsonNode> ArraySchema(Context c, int depth) =>
        Build(Gen.Elements<string?>("array", "array", null), ArrayKeywords(c, depth));

    private static Gen<JsonNode> Composition(Context c, int depth) =>
        Build(Gen.Elements<string?>(null, "object", "array"), [.. CompositionKeywords(c, depth), .. ObjectKeywords(c, 1), .. ArrayKeywords(c, 1)]);

    private static Gen<JsonNode> RefSchema(Context c) =>
        from reference in Gen.Elements(c.Refs)
        from sibling in Gen.Frequency((3, Gen.Constant<(string, JsonNode)?>(null)), (1, Gen.OneOf(StringKeywords).Select(k => ((string, JsonNode)?)k)))
        select (JsonNode)(sibling is { } s ? new JsonObject { ["$ref"] = reference, [s.Item1] = s.Item2?.DeepClone() } : new JsonObject { ["$ref"] = reference });

    /// <summary>Any single keyword the generator knows, for mutations that add or replace one.</summary>
    public static Gen<(string, JsonNode)> AnyKeyword(Context c) => Gen.OneOf(
        [.. ValueKeywords, .. StringKeywords, .. NumberKeywords, .. ObjectKeywords(c, 1), .. ArrayKeywords(c, 1), .. CompositionKeywords(c, 1),
         Json("\"string\"", "\"integer\"", "\"number\"", "\"object\"", "\"array\"", "[\"string\",\"null\"]").Select(t => ("type", t))]);
}
