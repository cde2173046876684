namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>What a field's type names: a scalar, a message or an enum (unresolved until linked).</summary>
public enum ProtoTypeKind
{
    Scalar,
    Message,
    Enum,
    Unresolved,
}

/// <summary>
/// A field's or method's type. A scalar's <paramref name="Name"/> is its keyword (<c>int32</c>); a linked message or
/// enum's is its full name with a leading dot (<c>.shop.Order.Item</c>); an unresolved one's is as written.
/// </summary>
public sealed record ProtoType(string Name, ProtoTypeKind Kind)
{
    public static readonly IReadOnlySet<string> Scalars = new HashSet<string>(StringComparer.Ordinal)
    {
        "double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
        "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes",
    };

    public bool IsScalar => Kind == ProtoTypeKind.Scalar;

    /// <summary>Numbers, bools and enums: the types a repeated field packs.</summary>
    public bool IsPackable => Kind == ProtoTypeKind.Enum || (IsScalar && Name is not ("string" or "bytes"));

    /// <summary>The full name without its leading dot, for a linked message or enum.</summary>
    public string FullName => Name.StartsWith('.') ? Name[1..] : Name;
}
