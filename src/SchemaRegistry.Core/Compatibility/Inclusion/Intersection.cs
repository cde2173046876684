namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>The conjunction of two normal forms, atom by atom (<c>allOf</c>, a <c>$ref</c> with siblings, conditions).</summary>
internal static class Intersection
{
    /// <summary>Beyond this many atom pairs a conjunction of unions is left opaque rather than expanded.</summary>
    private const int MaxPairs = 4096;

    public static Norm Of(Norm a, Norm b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return Norm.Empty;
        }
        if (b.IsTop)
        {
            return a;
        }
        if (a.IsTop)
        {
            return b;
        }
        if (a.Atoms.Count * b.Atoms.Count > MaxPairs)
        {
            return Norm.Opaque(a.Kinds & b.Kinds, OpaqueAtom.UniqueText("product"),
                $"expanding a conjunction of {a.Atoms.Count} and {b.Atoms.Count} alternatives is too costly");
        }
        var atoms = new List<Atom>();
        foreach (var x in a.Atoms)
        {
            foreach (var y in b.Atoms)
            {
                if (Pair(x, y) is { } atom)
                {
                    atoms.Add(atom);
                }
            }
        }
        return new Norm(atoms);
    }

    public static Lazy<Norm> Of(Lazy<Norm> a, Lazy<Norm> b) =>
        ReferenceEquals(a, LazyNorm.Top) ? b
        : ReferenceEquals(b, LazyNorm.Top) || ReferenceEquals(a, b) ? a
        : new Lazy<Norm>(() => Of(a.Value, b.Value), LazyThreadSafetyMode.None);

    /// <summary>The tighter of two bounds (exclusive wins at the same value).</summary>
    public static Bound? Tighter(Bound? a, Bound? b, bool lower)
    {
        if (a is not { } x)
        {
            return b;
        }
        if (b is not { } y)
        {
            return a;
        }
        if (x.Value == y.Value)
        {
            return x.Exclusive ? x : y;
        }
        return lower == (x.Value > y.Value) ? x : y;
    }

    private static Atom? Pair(Atom x, Atom y)
    {
        if ((x.Kinds & y.Kinds) == 0)
        {
            return null;
        }
        return (x, y) switch
        {
            (ConstAtom c, _) => WithConst(c, y),
            (_, ConstAtom c) => WithConst(c, x),
            (OpaqueAtom o, OpaqueAtom p) => Opaque(o.Kinds & p.Kinds, Join(o.Text, p.Text), o.Reason, o.Within, p.Within),
            (OpaqueAtom o, _) => Opaque(o.Kinds & y.Kinds, o.Text, o.Reason, o.Within, y),
            (_, OpaqueAtom o) => Opaque(o.Kinds & x.Kinds, o.Text, o.Reason, o.Within, x),
            (KindAtom, KindAtom) => x,
            (NumberAtom n, NumberAtom m) => Numbers(n, m),
            (StringAtom s, StringAtom t) => Strings(s, t),
            (ArrayAtom s, ArrayAtom t) => ObjectsAndArrays.Arrays(s, t),
            (ObjectAtom s, ObjectAtom t) => ObjectsAndArrays.Objects(s, t),
            _ => null,
        };
    }

    private static string Join(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a + "&" + b : b + "&" + a;

    /// <summary>An opaque atom narrowed by what is known around it (its analysed part is kept to bound it).</summary>
    private static OpaqueAtom? Opaque(ValueKinds kinds, string text, string reason, Atom? a, Atom? b)
    {
        var within = a is null ? b : b is null ? a : Pair(a, b);
        if ((a is not null && b is not null && within is null) || kinds == ValueKinds.None)
        {
            return null;
        }
        if (within is OpaqueAtom inner)
        {
            // The inner atom only bounds its set from above, so this one can no longer be matched by its text.
            return new OpaqueAtom(kinds & inner.Kinds, OpaqueAtom.UniqueText("opaque"), reason, inner.Within);
        }
        return new OpaqueAtom(within is null ? kinds : kinds & within.Kinds, text, reason, within);
    }

    private static Atom? WithConst(ConstAtom c, Atom other) => Membership.Of(other, c.Value) switch
    {
        true => c,
        false => null,
        _ => new OpaqueAtom(c.Kinds, OpaqueAtom.UniqueText("const"), "whether a constant satisfies the other constraints could not be decided", c),
    };

    private static NumberAtom? Numbers(NumberAtom n, NumberAtom m)
    {
        var atom = new NumberAtom(
            Tighter(n.Lower, m.Lower, lower: true), Tighter(n.Upper, m.Upper, lower: false), n.IntegerOnly || m.IntegerOnly,
            n.MultipleOf.Concat(m.MultipleOf).Distinct().ToList(), n.Excluded.Concat(m.Excluded).ToHashSet(StringComparer.Ordinal));
        return atom.IsEmpty ? null : atom;
    }

    private static StringAtom? Strings(StringAtom s, StringAtom t)
    {
        var atom = new StringAtom(
            Math.Max(s.MinLength, t.MinLength),
            s.MaxLength is { } a ? (t.MaxLength is { } b ? Math.Min(a, b) : a) : t.MaxLength,
            s.Patterns.Concat(t.Patterns).Distinct(StringComparer.Ordinal).ToList(),
            s.NotPatterns.Concat(t.NotPatterns).Distinct(StringComparer.Ordinal).ToList(),
            s.Formats.Concat(t.Formats).Distinct(StringComparer.Ordinal).ToList(),
            s.Excluded.Concat(t.Excluded).ToHashSet(StringComparer.Ordinal));
        return atom.IsEmpty ? null : atom;
    }
}
