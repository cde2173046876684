using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>The keywords that constrain one kind of value, read into one atom per admitted kind.</summary>
internal sealed partial class Normaliser
{
    private Norm Base(JsonElement schema)
    {
        var kinds = DeclaredKinds(schema);
        var atoms = new List<Atom>();
        if ((kinds & ValueKinds.Null) != 0)
        {
            atoms.Add(new KindAtom(ValueKinds.Null));
        }
        if ((kinds & ValueKinds.Boolean) != 0)
        {
            atoms.Add(new KindAtom(ValueKinds.Boolean));
        }
        if ((kinds & (ValueKinds.Integer | ValueKinds.Fraction)) != 0)
        {
            if (NumberOf(schema, (kinds & ValueKinds.Fraction) == 0) is not { } number)
            {
                return Opaque(schema, kinds, "a numeric keyword has a value that is not a number");
            }
            if (!number.IsEmpty)
            {
                atoms.Add(number);
            }
        }
        if ((kinds & ValueKinds.String) != 0)
        {
            var text = StringOf(schema);
            if (!text.IsEmpty)
            {
                atoms.Add(text);
            }
        }
        if ((kinds & ValueKinds.Array) != 0)
        {
            if (ArrayOf(schema) is not { } array)
            {
                return Opaque(schema, kinds, "its array keywords use a form this draft does not define");
            }
            if (!(array.MaxItems is { } max && max < array.MinItems))
            {
                atoms.Add(array);
            }
        }
        if ((kinds & ValueKinds.Object) != 0)
        {
            var item = ObjectOf(schema);
            if (!(item.MaxProperties is { } max && max < item.MinProperties))
            {
                atoms.Add(item);
            }
        }
        return new Norm(atoms);
    }

    private static decimal? Number(JsonElement schema, string keyword) =>
        SchemaJson.Get(schema, keyword) is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var d) ? d : null;

    private static int Count(JsonElement schema, string keyword, int otherwise) =>
        SchemaJson.Get(schema, keyword) is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var d) && d >= 0
            ? (int)Math.Min(decimal.Ceiling(d), int.MaxValue) : otherwise;

    private static int? OptionalCount(JsonElement schema, string keyword) =>
        SchemaJson.Get(schema, keyword) is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var d) && d >= 0
            ? (int)Math.Min(decimal.Floor(d), int.MaxValue) : null;

    private NumberAtom? NumberOf(JsonElement schema, bool integerOnly)
    {
        foreach (var keyword in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" })
        {
            if (SchemaJson.Get(schema, keyword) is { } value && value.ValueKind != JsonValueKind.Number
                && !(draft == Draft.Draft4 && value.ValueKind is JsonValueKind.True or JsonValueKind.False && keyword.StartsWith("exclusive", StringComparison.Ordinal)))
            {
                return null;
            }
            if (SchemaJson.Get(schema, keyword) is { ValueKind: JsonValueKind.Number } number && !number.TryGetDecimal(out _))
            {
                return null;
            }
        }
        Bound? lower = null;
        Bound? upper = null;
        if (draft == Draft.Draft4)
        {
            // Draft-04: exclusiveMinimum/Maximum are booleans that make minimum/maximum exclusive.
            var exclusiveLow = SchemaJson.Get(schema, "exclusiveMinimum") is { ValueKind: JsonValueKind.True };
            var exclusiveHigh = SchemaJson.Get(schema, "exclusiveMaximum") is { ValueKind: JsonValueKind.True };
            lower = Number(schema, "minimum") is { } min ? new Bound(min, exclusiveLow) : null;
            upper = Number(schema, "maximum") is { } max ? new Bound(max, exclusiveHigh) : null;
        }
        else
        {
            lower = Intersection.Tighter(Number(schema, "minimum") is { } min ? new Bound(min, false) : null,
                Number(schema, "exclusiveMinimum") is { } xmin ? new Bound(xmin, true) : null, lower: true);
            upper = Intersection.Tighter(Number(schema, "maximum") is { } max ? new Bound(max, false) : null,
                Number(schema, "exclusiveMaximum") is { } xmax ? new Bound(xmax, true) : null, lower: false);
        }
        var steps = Number(schema, "multipleOf") is { } step && step > 0 ? new[] { step } : [];
        return new NumberAtom(lower, upper, integerOnly || steps.Any(s => s >= 1 && decimal.Truncate(s) == s), steps, new HashSet<string>());
    }

    private static StringAtom StringOf(JsonElement schema)
    {
        var patterns = SchemaJson.Get(schema, "pattern") is { ValueKind: JsonValueKind.String } p ? new[] { p.GetString()! } : [];
        var formats = SchemaJson.Get(schema, "format") is { ValueKind: JsonValueKind.String } f ? new[] { f.GetString()! } : [];
        var atom = new StringAtom(Count(schema, "minLength", 0), OptionalCount(schema, "maxLength"), patterns, [], formats, new HashSet<string>());
        return atom.IsUnconstrained ? StringAtom.Any : atom;
    }

    private ArrayAtom? ArrayOf(JsonElement schema)
    {
        List<Lazy<Norm>> prefix = [];
        var rest = LazyNorm.Top;
        var items = SchemaJson.Get(schema, "items");
        if (draft == Draft.Draft202012)
        {
            if (items is { ValueKind: JsonValueKind.Array })
            {
                return null;
            }
            if (SchemaJson.Get(schema, "prefixItems") is { ValueKind: JsonValueKind.Array } tuple)
            {
                prefix = tuple.EnumerateArray().Select(Lazy).ToList();
            }
            rest = items is { } i ? Lazy(i) : LazyNorm.Top;
        }
        else if (items is { ValueKind: JsonValueKind.Array } tuple)
        {
            prefix = tuple.EnumerateArray().Select(Lazy).ToList();
            rest = SchemaJson.Get(schema, "additionalItems") is { } additional ? Lazy(additional) : LazyNorm.Top;
        }
        else if (items is { } i)
        {
            rest = Lazy(i);
        }
        var contains = new List<ContainsRule>();
        if (draft >= Draft.Draft6 && SchemaJson.Get(schema, "contains") is { } contained)
        {
            var modern = draft >= Draft.Draft201909;
            contains.Add(new ContainsRule(Lazy(contained), modern ? Count(schema, "minContains", 1) : 1, modern ? OptionalCount(schema, "maxContains") : null));
        }
        var unique = SchemaJson.Get(schema, "uniqueItems") is { ValueKind: JsonValueKind.True };
        var atom = new ArrayAtom(prefix, rest, Count(schema, "minItems", 0), OptionalCount(schema, "maxItems"), unique, contains);
        return atom.IsUnconstrained ? ArrayAtom.Any : atom;
    }

    private ObjectAtom ObjectOf(JsonElement schema)
    {
        var properties = new Dictionary<string, Lazy<Norm>>(StringComparer.Ordinal);
        if (SchemaJson.Get(schema, "properties") is { ValueKind: JsonValueKind.Object } declared)
        {
            foreach (var property in declared.EnumerateObject())
            {
                properties[property.Name] = Lazy(property.Value);
            }
        }
        var patterns = SchemaJson.Get(schema, "patternProperties") is { ValueKind: JsonValueKind.Object } pp
            ? pp.EnumerateObject().Select(p => (p.Name, Lazy(p.Value))).ToList()
            : [];
        var additional = SchemaJson.Get(schema, "additionalProperties") is { } a ? Lazy(a) : LazyNorm.Top;
        var required = SchemaJson.Get(schema, "required") is { ValueKind: JsonValueKind.Array } r
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var dependentRequired = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var dependentSchemas = new Dictionary<string, Lazy<Norm>>(StringComparer.Ordinal);
        var sources = draft >= Draft.Draft201909 ? new[] { "dependencies", "dependentRequired", "dependentSchemas" } : ["dependencies"];
        foreach (var keyword in sources)
        {
            if (SchemaJson.Get(schema, keyword) is not { ValueKind: JsonValueKind.Object } dependencies)
            {
                continue;
            }
            foreach (var dependency in dependencies.EnumerateObject())
            {
                // draft-04..07 'dependencies' is split the way 2019-09 did: a name list requires, a schema applies.
                if (dependency.Value.ValueKind == JsonValueKind.Array && keyword != "dependentSchemas")
                {
                    var listed = dependency.Value.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!);
                    dependentRequired[dependency.Name] = dependentRequired.TryGetValue(dependency.Name, out var known)
                        ? known.Concat(listed).ToHashSet(StringComparer.Ordinal)
                        : listed.ToHashSet(StringComparer.Ordinal);
                }
                else if (keyword != "dependentRequired")
                {
                    var dependent = Lazy(dependency.Value);
                    dependentSchemas[dependency.Name] = dependentSchemas.TryGetValue(dependency.Name, out var known)
                        ? new Lazy<Norm>(() => Intersection.Of(known.Value, dependent.Value), LazyThreadSafetyMode.None)
                        : dependent;
                }
            }
        }
        var names = draft >= Draft.Draft6 && SchemaJson.Get(schema, "propertyNames") is { } pn && !SchemaJson.AcceptsEverything(pn) ? Lazy(pn) : null;
        var atom = new ObjectAtom(properties, patterns, additional, required, Count(schema, "minProperties", 0), OptionalCount(schema, "maxProperties"),
            names, dependentRequired, dependentSchemas);
        return atom.IsUnconstrained ? ObjectAtom.Any : atom;
    }
}
