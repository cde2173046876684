using System.Text.Json;
using SchemaRegistry.JsonSchema.Engine;
using SchemaRegistry.JsonSchema.Keywords;

namespace SchemaRegistry.JsonSchema.Compiler;

/// <summary>
/// Turns indexed schema locations into <see cref="SchemaNode"/>s. Nodes are created before their keywords are
/// compiled, so recursive references simply point at the node that is still being built.
/// </summary>
internal sealed partial class SchemaCompiler(SchemaIndex index, JsonSchemaOptions options)
{
    private readonly Dictionary<SchemaLocation, SchemaNode> _nodes = [];
    private readonly Queue<(SchemaLocation Location, SchemaNode Node)> _pending = new();

    public SchemaNode Compile(SchemaLocation root)
    {
        var node = NodeFor(root);
        Drain();
        // Dynamic anchors may be chosen at run time from any resource in scope: compile them all now.
        int before;
        do
        {
            before = _nodes.Count;
            foreach (var resource in index.Resources.ToList())
            {
                foreach (var (name, location) in resource.DynamicAnchors)
                {
                    resource.Scope.DynamicAnchors[name] = NodeFor(location);
                }
                if (resource.Scope.RecursiveAnchor && resource.Root is not null)
                {
                    resource.Scope.Root = NodeFor(resource.Root);
                }
            }
            Drain();
        }
        while (_nodes.Count != before);
        foreach (var compiled in _nodes.Values)
        {
            compiled.Seal();
        }
        ProgressCheck.Run(_nodes.Values);
        return node;
    }

    private SchemaNode NodeFor(SchemaLocation location)
    {
        if (!_nodes.TryGetValue(location, out var node))
        {
            node = new SchemaNode(location.AbsoluteLocation) { Resource = location.Resource.Scope };
            _nodes[location] = node;
            _pending.Enqueue((location, node));
        }
        return node;
    }

    private void Drain()
    {
        while (_pending.TryDequeue(out var item))
        {
            CompileNode(item.Location, item.Node);
        }
    }

    private void CompileNode(SchemaLocation location, SchemaNode node)
    {
        var schema = location.Element;
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            node.Constant = schema.ValueKind == JsonValueKind.True;
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaCompileException($"A schema must be an object or a boolean, not {schema.ValueKind.ToString().ToLowerInvariant()}.", location.AbsoluteLocation);
        }
        var dialect = location.Dialect;
        var keywords = new List<Keyword>();
        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            keywords.Add(new RefKeyword(At(location, "$ref"), NodeFor(index.Resolve(reference.GetString()!, location))));
            if (!dialect.IsModern)
            {
                // Before 2019-09, $ref replaces the whole schema: its siblings are ignored.
                node.SetKeywords(keywords);
                return;
            }
        }
        AddReferences(location, keywords);
        if (dialect.Has(Vocabularies.Applicator))
        {
            AddApplicators(location, keywords);
        }
        if (dialect.Has(Vocabularies.Validation))
        {
            AddValidation(location, keywords);
        }
        AddFormat(location, keywords);
        node.SetKeywords(keywords);
        node.ObjectConsumer = ObjectKeywordsFor(location);
        node.ArrayConsumer = ArrayKeywordsFor(location);
        node.UsesAnnotations = dialect.Has(Vocabularies.Unevaluated) &&
            (schema.TryGetProperty("unevaluatedProperties", out _) || schema.TryGetProperty("unevaluatedItems", out _));
    }

    private void AddReferences(SchemaLocation location, List<Keyword> keywords)
    {
        var schema = location.Element;
        if (location.Dialect.Draft == Dialect.Draft202012 && schema.TryGetProperty("$dynamicRef", out var dynamic) && dynamic.ValueKind == JsonValueKind.String)
        {
            var text = dynamic.GetString()!;
            var target = index.Resolve(text, location);
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var fragment = hash < 0 ? "" : text[(hash + 1)..];
            // Only a reference whose static target declares the same $dynamicAnchor looks at the dynamic scope.
            var anchored = fragment.Length > 0 && !fragment.StartsWith('/') &&
                target.Element.ValueKind == JsonValueKind.Object &&
                target.Element.TryGetProperty("$dynamicAnchor", out var declared) && declared.ValueEquals(fragment);
            keywords.Add(new DynamicRefKeyword(At(location, "$dynamicRef"), NodeFor(target), anchored ? fragment : null));
        }
        if (location.Dialect.Draft == Dialect.Draft201909 && schema.TryGetProperty("$recursiveRef", out var recursive) && recursive.ValueKind == JsonValueKind.String)
        {
            var target = index.Resolve(recursive.GetString()!, location);
            var anchored = target.Element.ValueKind == JsonValueKind.Object &&
                target.Element.TryGetProperty("$recursiveAnchor", out var flag) && flag.ValueKind == JsonValueKind.True;
            keywords.Add(new RecursiveRefKeyword(At(location, "$recursiveRef"), NodeFor(target), anchored));
        }
    }

    private void AddApplicators(SchemaLocation location, List<Keyword> keywords)
    {
        var schema = location.Element;
        if (schema.TryGetProperty("allOf", out _))
        {
            keywords.Add(new AllOfKeyword(At(location, "allOf"), Branches(location, "allOf")));
        }
        if (schema.TryGetProperty("anyOf", out _))
        {
            keywords.Add(new AnyOfKeyword(At(location, "anyOf"), Branches(location, "anyOf")));
        }
        if (schema.TryGetProperty("oneOf", out _))
        {
            keywords.Add(new OneOfKeyword(At(location, "oneOf"), Branches(location, "oneOf")));
        }
        if (schema.TryGetProperty("not", out _))
        {
            keywords.Add(new NotKeyword(At(location, "not"), Child(location, "not")));
        }
        if (location.Dialect.Draft >= Dialect.Draft7 && schema.TryGetProperty("if", out _))
        {
            keywords.Add(new IfThenElseKeyword(At(location, "if"), Child(location, "if"),
                schema.TryGetProperty("then", out _) ? Child(location, "then") : null,
                schema.TryGetProperty("else", out _) ? Child(location, "else") : null));
        }
        // 2019-09 split draft-07's "dependencies"; the old keyword is still honoured for compatibility.
        foreach (var dependentName in location.Dialect.IsModern ? new[] { "dependentSchemas", "dependencies" } : ["dependencies"])
        {
            if (!schema.TryGetProperty(dependentName, out var dependent) || dependent.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var entries = dependent.EnumerateObject()
                .Where(p => p.Value.ValueKind != JsonValueKind.Array)
                .Select(p => (p.Name, Child(location, dependentName, p.Name)))
                .ToArray();
            if (entries.Length > 0)
            {
                keywords.Add(new DependentSchemasKeyword(dependentName, At(location, dependentName), entries));
            }
        }
    }

    private SchemaNode[] Branches(SchemaLocation location, string keyword)
    {
        var value = location.Element.GetProperty(keyword);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw Invalid(location, keyword, "must be a non-empty array of schemas");
        }
        return Enumerable.Range(0, value.GetArrayLength()).Select(i => Child(location, keyword, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
    }

    /// <summary>The node of the subschema at <c>location/segments…</c>.</summary>
    private SchemaNode Child(SchemaLocation location, params string[] segments)
    {
        if (index.Known(location, string.Concat(segments.Select(s => "/" + JsonPointer.Escape(s)))) is { } known)
        {
            return NodeFor(known);
        }
        var pointer = "#" + location.ResourcePointer + string.Concat(segments.Select(s => "/" + Escape(s)));
        return NodeFor(index.Resolve(pointer, location));
    }

    private static string At(SchemaLocation location, string keyword) => location.AbsoluteLocation + "/" + keyword;

    private static string Escape(string segment) =>
        Uri.EscapeDataString(JsonPointer.Escape(segment));

    private static SchemaCompileException Invalid(SchemaLocation location, string keyword, string problem) =>
        new($"'{keyword}' {problem}.", At(location, keyword));
}
