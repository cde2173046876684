namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// The normal form of a schema: the union of its atoms (no atom: the <c>false</c> schema). <see cref="RefKey"/> names
/// the local reference it was reached through, so recursive schemas are compared co-inductively.
/// </summary>
internal sealed class Norm(IReadOnlyList<Atom> atoms, string? refKey = null)
{
    public static readonly Norm Empty = new([]);

    public static readonly Norm Top = new([
        new KindAtom(ValueKinds.Null), new KindAtom(ValueKinds.Boolean), NumberAtom.Any, StringAtom.Any, ArrayAtom.Any, ObjectAtom.Any]);

    public IReadOnlyList<Atom> Atoms { get; } = atoms;

    public string? RefKey { get; } = refKey;

    public bool IsEmpty => Atoms.Count == 0;

    /// <summary>Accepts every JSON value.</summary>
    public bool IsTop => ReferenceEquals(this, Top) || CoveredKinds() == ValueKinds.All;

    public ValueKinds Kinds => Atoms.Aggregate(ValueKinds.None, (k, a) => k | a.Kinds);

    public Norm WithRef(string key) => new(Atoms, key);

    public static Norm Opaque(ValueKinds kinds, string text, string reason) =>
        kinds == ValueKinds.None ? Empty : new([new OpaqueAtom(kinds, text, reason)]);

    public static Norm Union(IEnumerable<Norm> parts) => new(parts.SelectMany(p => p.Atoms).ToList());

    public static Norm IntersectAll(IEnumerable<Norm> parts) => parts.Aggregate(Top, Intersection.Of);

    /// <summary>The kinds whose every value this form accepts (an unconstrained atom of that kind is present).</summary>
    public ValueKinds CoveredKinds()
    {
        var covered = ValueKinds.None;
        foreach (var atom in Atoms)
        {
            covered |= atom switch
            {
                KindAtom k => k.Kind,
                NumberAtom n when n.IsUnconstrained => n.Kinds,
                StringAtom s when s.IsUnconstrained => ValueKinds.String,
                ArrayAtom a when a.IsUnconstrained => ValueKinds.Array,
                ObjectAtom o when o.IsUnconstrained => ValueKinds.Object,
                _ => ValueKinds.None,
            };
        }
        return covered;
    }
}
