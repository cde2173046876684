namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>Strings within a length range that match every pattern, match none of the negated patterns and satisfy every format.</summary>
internal sealed record StringAtom(
    int MinLength,
    int? MaxLength,
    IReadOnlyList<string> Patterns,
    IReadOnlyList<string> NotPatterns,
    IReadOnlyList<string> Formats,
    IReadOnlySet<string> Excluded) : Atom
{
    public static readonly StringAtom Any = new(0, null, [], [], [], new HashSet<string>());

    public override ValueKinds Kinds => ValueKinds.String;

    public bool IsUnconstrained =>
        MinLength == 0 && MaxLength is null && Patterns.Count == 0 && NotPatterns.Count == 0 && Formats.Count == 0 && Excluded.Count == 0;

    public bool IsEmpty => MaxLength is { } max && max < MinLength;
}
