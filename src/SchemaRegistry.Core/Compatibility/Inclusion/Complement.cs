using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// Pushes <c>not</c> down: the complement of a normal form as a normal form, or null when it cannot be expressed in
/// the model (e.g. the complement of a <c>multipleOf</c>, of <c>uniqueItems</c> or of an opaque part).
/// </summary>
internal static class Complement
{
    private const ValueKinds Numbers = ValueKinds.Integer | ValueKinds.Fraction;

    private static readonly (ValueKinds Family, Atom Top)[] Families =
    [
        (ValueKinds.Null, new KindAtom(ValueKinds.Null)), (ValueKinds.Boolean, new KindAtom(ValueKinds.Boolean)), (Numbers, NumberAtom.Any),
        (ValueKinds.String, StringAtom.Any), (ValueKinds.Array, ArrayAtom.Any), (ValueKinds.Object, ObjectAtom.Any),
    ];

    public static Norm? Of(Norm form)
    {
        var result = Norm.Top;
        foreach (var atom in form.Atoms)
        {
            if (OfAtom(atom) is not { } complement)
            {
                return null;
            }
            result = Intersection.Of(result, complement);
        }
        return result;
    }

    private static Norm? OfAtom(Atom atom)
    {
        var family = (atom.Kinds & Numbers) != 0 ? Numbers : atom.Kinds;
        if (Families.Count(f => (f.Family & family) != 0) != 1)
        {
            return null;
        }
        if (Within(atom) is not { } within)
        {
            return null;
        }
        return new Norm([.. Families.Where(f => (f.Family & family) == 0).Select(f => f.Top), .. within]);
    }

    /// <summary>The values of the atom's own kind that the atom rejects.</summary>
    private static List<Atom>? Within(Atom atom) => atom switch
    {
        KindAtom => [],
        ConstAtom c => Const(c),
        NumberAtom n => Number(n),
        StringAtom s => Text(s),
        ArrayAtom a => Array(a),
        ObjectAtom o => Object(o),
        _ => null,
    };

    private static List<Atom>? Const(ConstAtom c) => c.Value.ValueKind switch
    {
        JsonValueKind.Null => [],
        JsonValueKind.True => [ConstAtom.Of(SchemaJson.Parse("false"))],
        JsonValueKind.False => [ConstAtom.Of(SchemaJson.Parse("true"))],
        JsonValueKind.Number => [NumberAtom.Any with { Excluded = new HashSet<string>(StringComparer.Ordinal) { c.Text } }],
        JsonValueKind.String => [StringAtom.Any with { Excluded = new HashSet<string>(StringComparer.Ordinal) { c.Text } }],
        _ => null,
    };

    private static List<Atom>? Number(NumberAtom n)
    {
        if (n.IntegerOnly || n.MultipleOf.Count > 0)
        {
            return null;
        }
        var pieces = new List<Atom>();
        if (n.Lower is { } lo)
        {
            pieces.Add(NumberAtom.Any with { Upper = new Bound(lo.Value, !lo.Exclusive) });
        }
        if (n.Upper is { } hi)
        {
            pieces.Add(NumberAtom.Any with { Lower = new Bound(hi.Value, !hi.Exclusive) });
        }
        pieces.AddRange(n.Excluded.Select(e => ConstAtom.Of(SchemaJson.Parse(e))).Where(c => n.Contains(c.Value.GetDecimal())
            || (n with { Excluded = new HashSet<string>() }).Contains(c.Value.GetDecimal())));
        return pieces;
    }

    private static List<Atom>? Text(StringAtom s)
    {
        if (s.Formats.Count > 0)
        {
            return null;
        }
        var pieces = new List<Atom>();
        if (s.MinLength > 0)
        {
            pieces.Add(StringAtom.Any with { MaxLength = s.MinLength - 1 });
        }
        if (s.MaxLength is { } max)
        {
            pieces.Add(StringAtom.Any with { MinLength = max + 1 });
        }
        pieces.AddRange(s.Patterns.Select(p => StringAtom.Any with { NotPatterns = [p] }));
        pieces.AddRange(s.NotPatterns.Select(p => StringAtom.Any with { Patterns = [p] }));
        pieces.AddRange(s.Excluded.Select(e => ConstAtom.Of(SchemaJson.Parse(e))));
        return pieces;
    }

    private static List<Atom>? Array(ArrayAtom a)
    {
        if (a.Unique || a.Prefix.Count > 0)
        {
            return null;
        }
        var pieces = new List<Atom>();
        if (a.MinItems > 0)
        {
            pieces.Add(ArrayAtom.Any with { MaxItems = a.MinItems - 1 });
        }
        if (a.MaxItems is { } max)
        {
            pieces.Add(ArrayAtom.Any with { MinItems = max + 1 });
        }
        if (!ReferenceEquals(a.Items, LazyNorm.Top))
        {
            // Not every item is valid: some item is invalid, i.e. the array contains one of the complement.
            if (Of(a.Items.Value) is not { } invalid)
            {
                return null;
            }
            pieces.Add(ArrayAtom.Any with { Contains = [new ContainsRule(new Lazy<Norm>(invalid), 1, null)] });
        }
        foreach (var rule in a.Contains)
        {
            if (rule.Max is not null || rule.Min > 1 || Of(rule.Schema.Value) is not { } other)
            {
                return null;
            }
            if (rule.Min == 1)
            {
                pieces.Add(ArrayAtom.Any with { Items = new Lazy<Norm>(other) });
            }
        }
        return pieces;
    }

    private static List<Atom>? Object(ObjectAtom o)
    {
        if (o.Patterns.Count > 0 || !ReferenceEquals(o.Additional, LazyNorm.Top) || o.PropertyNames is not null || o.DependentSchemas.Count > 0)
        {
            return null;
        }
        var pieces = new List<Atom>();
        if (o.MinProperties > 0)
        {
            pieces.Add(ObjectAtom.Any with { MaxProperties = o.MinProperties - 1 });
        }
        if (o.MaxProperties is { } max)
        {
            pieces.Add(ObjectAtom.Any with { MinProperties = max + 1 });
        }
        foreach (var name in o.Required)
        {
            pieces.Add(Absent(name, []));
        }
        foreach (var (name, schema) in o.Properties)
        {
            if (ReferenceEquals(schema, LazyNorm.Top))
            {
                continue;
            }
            if (Of(schema.Value) is not { } invalid)
            {
                return null;
            }
            pieces.Add(ObjectAtom.Any with
            {
                Properties = new Dictionary<string, Lazy<Norm>>(StringComparer.Ordinal) { [name] = new Lazy<Norm>(invalid) },
                Required = new HashSet<string>(StringComparer.Ordinal) { name },
            });
        }
        foreach (var (name, names) in o.DependentRequired)
        {
            pieces.AddRange(names.Select(missing => Absent(missing, [name])));
        }
        return pieces;
    }

    private static ObjectAtom Absent(string name, string[] present) => ObjectAtom.Any with
    {
        Properties = new Dictionary<string, Lazy<Norm>>(StringComparer.Ordinal) { [name] = LazyNorm.Empty },
        Required = present.ToHashSet(StringComparer.Ordinal),
    };
}
