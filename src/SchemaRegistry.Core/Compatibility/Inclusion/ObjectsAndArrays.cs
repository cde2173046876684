namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>Intersections of structured atoms; an object or array that must hold a member no schema admits is empty.</summary>
internal static class ObjectsAndArrays
{
    public static Atom? Arrays(ArrayAtom s, ArrayAtom t)
    {
        var length = Math.Max(s.Prefix.Count, t.Prefix.Count);
        var prefix = Enumerable.Range(0, length).Select(i => Intersection.Of(s.Item(i), t.Item(i))).ToList();
        var max = s.MaxItems is { } a ? (t.MaxItems is { } b ? Math.Min(a, b) : a) : t.MaxItems;
        var atom = new ArrayAtom(prefix, Intersection.Of(s.Items, t.Items), Math.Max(s.MinItems, t.MinItems), max, s.Unique || t.Unique,
            [.. s.Contains, .. t.Contains]);
        if (atom.MaxItems is { } m && m < atom.MinItems)
        {
            return null;
        }
        // An array needs its first minItems items: if one of those positions admits nothing, no array qualifies.
        for (var i = 0; i < Math.Min(atom.MinItems, atom.Prefix.Count + 1); i++)
        {
            if (atom.Item(i).Value.IsEmpty)
            {
                return null;
            }
        }
        return atom;
    }

    public static Atom? Objects(ObjectAtom s, ObjectAtom t)
    {
        var sOpen = ReferenceEquals(s.Additional, LazyNorm.Top);
        var tOpen = ReferenceEquals(t.Additional, LazyNorm.Top);
        // One object atom can only hold the conjunction when each side's additionalProperties ignores the other's patterns.
        if ((s.Patterns.Count > 0 && !tOpen) || (t.Patterns.Count > 0 && !sOpen))
        {
            return new OpaqueAtom(ValueKinds.Object, OpaqueAtom.UniqueText("objects"),
                "allOf combines objects whose patternProperties and additionalProperties interact", s);
        }
        var properties = new Dictionary<string, Lazy<Norm>>(StringComparer.Ordinal);
        foreach (var name in s.Properties.Keys.Concat(t.Properties.Keys).Distinct(StringComparer.Ordinal))
        {
            properties[name] = (s.Properties.TryGetValue(name, out var a), t.Properties.TryGetValue(name, out var b)) switch
            {
                (true, true) => Intersection.Of(a!, b!),
                (true, false) => Member(a!, t, name),
                _ => Member(b!, s, name),
            };
        }
        var dependentRequired = new Dictionary<string, IReadOnlySet<string>>(s.DependentRequired, StringComparer.Ordinal);
        foreach (var (name, listed) in t.DependentRequired)
        {
            dependentRequired[name] = dependentRequired.TryGetValue(name, out var known) ? known.Concat(listed).ToHashSet(StringComparer.Ordinal) : listed;
        }
        var dependentSchemas = new Dictionary<string, Lazy<Norm>>(s.DependentSchemas, StringComparer.Ordinal);
        foreach (var (name, schema) in t.DependentSchemas)
        {
            dependentSchemas[name] = dependentSchemas.TryGetValue(name, out var known) ? Intersection.Of(known, schema) : schema;
        }
        var max = s.MaxProperties is { } x ? (t.MaxProperties is { } y ? Math.Min(x, y) : x) : t.MaxProperties;
        var names = s.PropertyNames is null ? t.PropertyNames : t.PropertyNames is null ? s.PropertyNames : Intersection.Of(s.PropertyNames, t.PropertyNames);
        var atom = new ObjectAtom(properties, [.. s.Patterns, .. t.Patterns], Intersection.Of(s.Additional, t.Additional),
            s.Required.Concat(t.Required).ToHashSet(StringComparer.Ordinal), Math.Max(s.MinProperties, t.MinProperties), max, names,
            dependentRequired, dependentSchemas);
        if (atom.MaxProperties is { } m && (m < atom.MinProperties || m < atom.Required.Count))
        {
            return null;
        }
        foreach (var name in atom.Required)
        {
            if (atom.MemberSchema(name) is { IsEmpty: true })
            {
                return null;
            }
        }
        return atom;
    }

    private static Lazy<Norm> Member(Lazy<Norm> declared, ObjectAtom other, string name) =>
        ReferenceEquals(other.Additional, LazyNorm.Top) && other.Patterns.Count == 0 && !other.Properties.ContainsKey(name)
            ? declared
            : new Lazy<Norm>(() => other.MemberSchema(name) is { } schema
                ? Intersection.Of(declared.Value, schema)
                : Intersection.Of(declared.Value, Norm.Opaque(ValueKinds.All, "member:" + name, "a patternProperties pattern could not be run")),
                LazyThreadSafetyMode.None);
}
