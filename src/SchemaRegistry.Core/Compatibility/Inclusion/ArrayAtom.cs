namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>One <c>contains</c> rule: between <see cref="Min"/> and <see cref="Max"/> items match <see cref="Schema"/>.</summary>
internal sealed record ContainsRule(Lazy<Norm> Schema, int Min, int? Max);

/// <summary>Arrays: a tuple prefix, the schema of the remaining items, counts, uniqueness and <c>contains</c> rules.</summary>
internal sealed record ArrayAtom(
    IReadOnlyList<Lazy<Norm>> Prefix,
    Lazy<Norm> Items,
    int MinItems,
    int? MaxItems,
    bool Unique,
    IReadOnlyList<ContainsRule> Contains) : Atom
{
    public static readonly ArrayAtom Any = new([], LazyNorm.Top, 0, null, false, []);

    public override ValueKinds Kinds => ValueKinds.Array;

    public Lazy<Norm> Item(int index) => index < Prefix.Count ? Prefix[index] : Items;

    public bool IsUnconstrained => Prefix.Count == 0 && ReferenceEquals(Items, LazyNorm.Top) && MinItems == 0 && MaxItems is null && !Unique && Contains.Count == 0;
}
