using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// Brings the schemas of one document to the normal form (pure): every draft to one model, local <c>$ref</c>s
/// resolved (recursion stays lazy: subschemas of properties and items are normalised on demand, and a reference
/// that loops without passing through one becomes opaque), types as sets, <c>allOf</c> intersected,
/// <c>anyOf</c>/disjoint <c>oneOf</c> as unions, <c>not</c> and <c>if/then/else</c> expanded where the complement
/// can be expressed.
/// </summary>
internal sealed partial class Normaliser
{
    private static readonly HashSet<string> Annotations =
    [
        "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary", "$defs", "definitions", "$comment",
        "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
        "contentMediaType", "contentEncoding", "contentSchema",
    ];

    private const int MaxOneOfBranches = 500;

    private readonly JsonElement root;
    private readonly Draft draft;
    private readonly Dictionary<string, Norm> references = new(StringComparer.Ordinal);
    private readonly HashSet<string> resolving = new(StringComparer.Ordinal);

    public Normaliser(JsonElement root)
    {
        this.root = root;
        draft = DraftOf(root);
    }

    public JsonElement Root => root;

    /// <summary>Keywords that never affect validation.</summary>
    public static bool IsAnnotation(string keyword) => Annotations.Contains(keyword);

    public Draft Draft => draft;

    /// <summary>Before 2019-09 a <c>$ref</c> replaces its whole schema object.</summary>
    public bool RefSiblingsIgnored => draft <= Draft.Draft7;

    /// <summary>The normal form of a node; a member node is what its owner object lets that property hold.</summary>
    public Norm? Of(SchemaNode node)
    {
        var form = Of(node.Schema);
        if (node.Member is not { } name)
        {
            return form;
        }
        var objects = form.Atoms.Where(a => (a.Kinds & ValueKinds.Object) != 0).ToList();
        return objects is [ObjectAtom owner] ? owner.MemberSchema(name) : null;
    }

    private static Draft DraftOf(JsonElement root)
    {
        var uri = SchemaJson.Get(root, "$schema") is { ValueKind: JsonValueKind.String } s ? s.GetString() ?? "" : "";
        return uri switch
        {
            _ when uri.Contains("draft-04", StringComparison.Ordinal) => Draft.Draft4,
            _ when uri.Contains("draft-06", StringComparison.Ordinal) => Draft.Draft6,
            _ when uri.Contains("draft-07", StringComparison.Ordinal) => Draft.Draft7,
            _ when uri.Contains("2019-09", StringComparison.Ordinal) => Draft.Draft201909,
            _ => Draft.Draft202012,
        };
    }

    public Lazy<Norm> Lazy(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.True || SchemaJson.AcceptsEverything(schema) ? LazyNorm.Top
        : schema.ValueKind == JsonValueKind.False ? LazyNorm.Empty
        : new Lazy<Norm>(() => Of(schema), LazyThreadSafetyMode.None);

    public Norm Of(JsonElement schema)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return Norm.Top;
            case JsonValueKind.False:
                return Norm.Empty;
            case JsonValueKind.Object:
                break;
            default:
                return Opaque(schema, ValueKinds.All, "it is not a schema (must be an object or a boolean)");
        }
        if (SchemaJson.Get(schema, "$ref") is { } reference)
        {
            var target = Reference(schema, reference);
            if (draft <= Draft.Draft7)
            {
                return target; // Before 2019-09, $ref replaces the whole schema: its siblings are ignored.
            }
            var rest = Own(schema);
            return rest.IsTop ? target : Intersection.Of(rest, target);
        }
        return Own(schema);
    }

    private Norm Reference(JsonElement schema, JsonElement reference)
    {
        if (reference.ValueKind != JsonValueKind.String || reference.GetString() is not { } text || !text.StartsWith('#')
            || SchemaJson.Pointer(root, text[1..]) is not { } target)
        {
            return Opaque(schema, ValueKinds.All, "its $ref cannot be resolved locally (external, anchor-style or dangling reference)");
        }
        if (references.TryGetValue(text, out var known))
        {
            return known;
        }
        if (!resolving.Add(text))
        {
            return Opaque(schema, ValueKinds.All, $"the reference {text} is recursive without passing through a property or an item");
        }
        try
        {
            var form = Of(target).WithRef(text);
            references[text] = form;
            return form;
        }
        finally
        {
            resolving.Remove(text);
        }
    }

    private Norm Opaque(JsonElement schema, ValueKinds kinds, string reason) =>
        Norm.Opaque(kinds, SchemaJson.Canonical(schema, root), reason);

    /// <summary>The schema's own keywords (its <c>$ref</c> aside).</summary>
    private Norm Own(JsonElement schema)
    {
        foreach (var keyword in schema.EnumerateObject().Select(p => p.Name))
        {
            if (keyword is "$dynamicRef" or "$recursiveRef")
            {
                return Opaque(schema, DeclaredKinds(schema), $"it uses {keyword}, whose target depends on the dynamic scope (not analysed)");
            }
            if (keyword is "unevaluatedProperties" or "unevaluatedItems" && draft >= Draft.Draft201909)
            {
                return Opaque(schema, DeclaredKinds(schema), $"'{keyword}' depends on what every sibling and nested applicator evaluated (not analysed)");
            }
        }
        var form = Base(schema);
        if (form.IsEmpty)
        {
            return form;
        }
        if (draft <= Draft.Draft7 && (SchemaJson.Get(schema, "contentEncoding") is not null || SchemaJson.Get(schema, "contentMediaType") is not null))
        {
            // Up to draft-07 the validator asserts base64 and JSON content; that is not modelled.
            var content = "{" + string.Join(",", new[] { "contentEncoding", "contentMediaType" }
                .Select(k => SchemaJson.Get(schema, k) is { } v ? JsonSerializer.Serialize(k) + ":" + SchemaJson.Value(v) : null).Where(t => t is not null)) + "}";
            // Strings are checked (opaquely); every other kind passes.
            var assertion = Norm.Union([
                Norm.Opaque(ValueKinds.String, "content:" + content, "its contentEncoding/contentMediaType is asserted before 2019-09 and not analysed"),
                new Norm([new KindAtom(ValueKinds.Null), new KindAtom(ValueKinds.Boolean), NumberAtom.Any, ArrayAtom.Any, ObjectAtom.Any])]);
            form = Intersection.Of(form, assertion);
        }
        form = WithValues(schema, form);
        form = WithComposition(schema, form);
        return form;
    }

    private ValueKinds DeclaredKinds(JsonElement schema) =>
        SchemaJson.Get(schema, "type") is { } type ? Json.JsonTypes.OfKeyword(type) : ValueKinds.All;

    private Norm WithValues(JsonElement schema, Norm form)
    {
        IReadOnlyList<JsonElement>? values = null;
        if (draft >= Draft.Draft6 && SchemaJson.Get(schema, "const") is { } constant)
        {
            values = [constant];
        }
        if (SchemaJson.Get(schema, "enum") is { ValueKind: JsonValueKind.Array } list)
        {
            var entries = list.EnumerateArray().ToList();
            values = values is null ? entries : values.Where(v => entries.Any(e => SchemaJson.Value(e) == SchemaJson.Value(v))).ToList();
        }
        if (values is null)
        {
            return form;
        }
        var atoms = new List<Atom>();
        foreach (var value in values.DistinctBy(SchemaJson.Value))
        {
            switch (Membership.Of(form, value))
            {
                case true:
                    atoms.Add(ConstAtom.Of(value));
                    break;
                case null:
                    return Opaque(schema, form.Kinds, "whether its enum/const values satisfy its other keywords could not be decided");
            }
        }
        return new Norm(atoms);
    }

    private Norm WithComposition(JsonElement schema, Norm form)
    {
        if (SchemaJson.Get(schema, "allOf") is { ValueKind: JsonValueKind.Array } all)
        {
            foreach (var branch in all.EnumerateArray())
            {
                form = Intersection.Of(form, Of(branch));
            }
        }
        if (SchemaJson.Get(schema, "anyOf") is { ValueKind: JsonValueKind.Array } any)
        {
            form = Intersection.Of(form, Norm.Union(any.EnumerateArray().Select(Of)));
        }
        if (SchemaJson.Get(schema, "oneOf") is { ValueKind: JsonValueKind.Array } one)
        {
            form = Intersection.Of(form, OneOf(schema, one.EnumerateArray().Select(Of).ToList()));
        }
        if (SchemaJson.Get(schema, "not") is { } negated)
        {
            form = Complement.Of(Of(negated)) is { } complement
                ? Intersection.Of(form, complement)
                : Intersection.Of(form, Norm.Opaque(ValueKinds.All, "not:" + SchemaJson.Canonical(negated, root), "the complement of its 'not' schema cannot be expressed"));
        }
        if (draft >= Draft.Draft7 && SchemaJson.Get(schema, "if") is { } condition)
        {
            form = Intersection.Of(form, Conditional(schema, condition));
        }
        return form;
    }

    /// <summary>oneOf is a union when its branches are pairwise disjoint (no value can match two of them).</summary>
    private Norm OneOf(JsonElement schema, List<Norm> branches)
    {
        if (branches.Count > MaxOneOfBranches)
        {
            return Norm.Opaque(branches.Aggregate(ValueKinds.None, (k, b) => k | b.Kinds), "oneOf:" + SchemaJson.Canonical(SchemaJson.Get(schema, "oneOf")!.Value, root),
                $"checking {branches.Count} oneOf branches pairwise for disjointness is too costly (limit {MaxOneOfBranches})");
        }
        for (var i = 0; i < branches.Count; i++)
        {
            for (var j = i + 1; j < branches.Count; j++)
            {
                if ((branches[i].Kinds & branches[j].Kinds) != 0 && !Intersection.Of(branches[i], branches[j]).IsEmpty)
                {
                    return Norm.Opaque(branches.Aggregate(ValueKinds.None, (k, b) => k | b.Kinds), "oneOf:" + SchemaJson.Canonical(SchemaJson.Get(schema, "oneOf")!.Value, root),
                        $"its oneOf branches {i} and {j} are not provably disjoint, so 'exactly one' cannot be reduced to 'any'");
                }
            }
        }
        return Norm.Union(branches);
    }

    /// <summary>if/then/else is (if ∧ then) ∨ (¬if ∧ else) when the complement of the condition can be expressed.</summary>
    private Norm Conditional(JsonElement schema, JsonElement condition)
    {
        var test = Of(condition);
        var then = SchemaJson.Get(schema, "then") is { } t ? Of(t) : Norm.Top;
        var otherwise = SchemaJson.Get(schema, "else") is { } e ? Of(e) : Norm.Top;
        if (then.IsTop && otherwise.IsTop)
        {
            return Norm.Top;
        }
        if (Complement.Of(test) is not { } negation)
        {
            var text = string.Join("|", new[] { "if", "then", "else" }.Select(k => SchemaJson.Get(schema, k) is { } v ? SchemaJson.Canonical(v, root) : "-"));
            return Norm.Opaque(ValueKinds.All, "if:" + text, "the complement of its 'if' condition cannot be expressed, so if/then/else is not analysed");
        }
        return Norm.Union([Intersection.Of(test, then), Intersection.Of(negation, otherwise)]);
    }
}
