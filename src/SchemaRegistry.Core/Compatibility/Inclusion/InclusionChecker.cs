namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// Decides <c>a ⊆ b</c> on normal forms: every atom of <c>a</c> must lie in <c>b</c> — a constant by membership,
/// an atom in one atom of <c>b</c> of its kind (after splitting by type), or, for booleans and small integer ranges,
/// value by value. Recursive references are assumed included while they are being compared (co-induction).
/// Answers are sound: "holds" is only returned when it is proven; otherwise the reason says what stood in the way.
/// </summary>
internal sealed partial class InclusionChecker
{
    private const int Budget = 200_000;
    private const int EnumerableRange = 64;

    private readonly HashSet<(string, string)> assumed = [];
    private int steps;

    public Outcome Includes(Norm a, Norm b)
    {
        if (a.IsEmpty || b.IsTop || ReferenceEquals(a, b))
        {
            return Outcome.Yes;
        }
        if (++steps > Budget)
        {
            return Outcome.No("the comparison exceeded its budget of steps (too costly to decide)");
        }
        var key = (a.RefKey ?? "", b.RefKey ?? "");
        var tracked = a.RefKey is not null && b.RefKey is not null;
        if (tracked && !assumed.Add(key))
        {
            return Outcome.Yes;
        }
        try
        {
            foreach (var atom in a.Atoms)
            {
                var outcome = Covered(atom, b);
                if (!outcome.Holds)
                {
                    return outcome;
                }
            }
            return Outcome.Yes;
        }
        finally
        {
            if (tracked)
            {
                assumed.Remove(key);
            }
        }
    }

    private Outcome Covered(Atom x, Norm b)
    {
        if ((b.CoveredKinds() & x.Kinds) == x.Kinds)
        {
            return Outcome.Yes;
        }
        switch (x)
        {
            case ConstAtom c:
                return Membership.Of(b, c.Value) switch
                {
                    true => Outcome.Yes,
                    false => Outcome.No($"the value {c.Text} is accepted by one side only"),
                    _ => Outcome.No($"whether the other side accepts {c.Text} could not be decided (format or opaque part)"),
                };
            case OpaqueAtom o:
                if (b.Atoms.OfType<OpaqueAtom>().Any(y => y.Text == o.Text && (o.Kinds & ~y.Kinds) == 0
                    && (y.Within is null || (o.Within is { } w && AtomIncluded(w, y.Within).Holds))))
                {
                    return Outcome.Yes;
                }
                return o.Within is { } bound && Covered(bound, b).Holds ? Outcome.Yes : Outcome.No(o.Reason);
            case KindAtom { Kind: ValueKinds.Boolean }:
                return Membership.Of(b, SchemaJson.Parse("true")) == true && Membership.Of(b, SchemaJson.Parse("false")) == true
                    ? Outcome.Yes : Outcome.No("booleans are accepted by one side only");
            case KindAtom { Kind: ValueKinds.Null }:
                return Membership.Of(b, SchemaJson.Parse("null")) == true ? Outcome.Yes : Outcome.No("null is accepted by one side only");
        }
        Outcome? first = null;
        foreach (var y in b.Atoms)
        {
            if ((x.Kinds & y.Kinds) == 0 || y is ConstAtom)
            {
                continue;
            }
            var outcome = AtomIncluded(x, y);
            if (outcome.Holds)
            {
                return outcome;
            }
            first ??= outcome;
        }
        if (x is NumberAtom n && Enumerate(n) is { } values)
        {
            var all = values.All(v => Membership.Of(b, SchemaJson.Parse(SchemaJson.Format(v))) == true);
            if (all)
            {
                return Outcome.Yes;
            }
        }
        return first ?? Outcome.No($"no branch of the other side accepts {SchemaJson.Describe(x.Kinds)} values");
    }

    /// <summary>The values of a small whole-number range, or null when it is not one.</summary>
    private static List<decimal>? Enumerate(NumberAtom n)
    {
        if (!n.IntegerOnly || n.Lower is not { } lo || n.Upper is not { } hi || hi.Value - lo.Value > EnumerableRange)
        {
            return null;
        }
        var values = new List<decimal>();
        for (var v = decimal.Ceiling(lo.Value); v <= hi.Value; v++)
        {
            if (n.Contains(v))
            {
                values.Add(v);
            }
        }
        return values;
    }

    private Outcome AtomIncluded(Atom x, Atom y) => (x, y) switch
    {
        (_, OpaqueAtom o) => Outcome.No(o.Reason),
        (OpaqueAtom { Within: { } w }, _) => AtomIncluded(w, y),
        (OpaqueAtom o, _) => Outcome.No(o.Reason),
        (ConstAtom c, _) => Membership.Of(y, c.Value) == true ? Outcome.Yes : Outcome.No($"the value {c.Text} is accepted by one side only"),
        (KindAtom k, KindAtom l) => k.Kind == l.Kind ? Outcome.Yes : Outcome.No("different kinds"),
        (NumberAtom n, NumberAtom m) => Numbers(n, m),
        (StringAtom s, StringAtom t) => Strings(s, t),
        (ArrayAtom s, ArrayAtom t) => Arrays(s, t),
        (ObjectAtom s, ObjectAtom t) => Objects(s, t),
        _ => Outcome.No("different kinds"),
    };
}
