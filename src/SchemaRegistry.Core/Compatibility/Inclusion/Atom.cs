namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// One branch of a normal form: a set of JSON values of a single kind (or one constant) described by conjunctive
/// constraints. A schema's normal form is a union of atoms.
/// </summary>
internal abstract record Atom
{
    /// <summary>The value kinds this atom can contain.</summary>
    public abstract ValueKinds Kinds { get; }
}
