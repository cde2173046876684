namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>
/// A part of a schema the engine does not model (an undecidable or too costly construct): an unknown subset of
/// <see cref="Kinds"/>, and of <see cref="Within"/> when it was intersected with an analysed atom. Two opaque atoms
/// are only known to match when their canonical texts are equal; a text that is not canonical JSON is made unique.
/// </summary>
internal sealed record OpaqueAtom(ValueKinds Kinds, string Text, string Reason, Atom? Within = null) : Atom
{
    private static long unique;

    public override ValueKinds Kinds { get; } = Kinds;

    /// <summary>A text no other opaque atom has, for constructs whose meaning has no canonical spelling.</summary>
    public static string UniqueText(string what) => what + "#" + Interlocked.Increment(ref unique);
}
