namespace SchemaRegistry.Formats.Avro;

/// <summary>
/// One node of an Avro schema as this format models it: the attributes that Apache.Avro parses but does not expose
/// (aliases of named types, custom attributes) are kept, and named types are shared objects, so a recursive record
/// is a cycle in the graph rather than an unbounded tree.
/// </summary>
internal abstract class AvroType
{
    /// <summary>The Avro type name: a primitive's name, or record, enum, fixed, array, map, union.</summary>
    public abstract string Kind { get; }

    /// <summary>The <c>logicalType</c> attribute, when there is one.</summary>
    public string? LogicalType { get; init; }

    /// <summary>A decimal's precision and scale (scale defaults to 0 as the specification says).</summary>
    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary>Attributes the specification does not define, by name, as canonical JSON (sorted keys).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = Empty;

    /// <summary>The label of this type inside a union in Avro's JSON encoding and in our paths.</summary>
    public virtual string Label => Kind;

    private static readonly IReadOnlyDictionary<string, string> Empty = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
