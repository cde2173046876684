namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>Every value of a kind that has no constraining keywords of its own: all nulls, or all booleans.</summary>
internal sealed record KindAtom(ValueKinds Kind) : Atom
{
    public override ValueKinds Kinds => Kind;
}
