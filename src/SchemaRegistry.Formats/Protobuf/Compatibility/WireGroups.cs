namespace SchemaRegistry.Formats.Protobuf.Compatibility;

/// <summary>
/// Scalar types that share an encoding, so a reader of one parses data of another (the language guide's "compatible"
/// types): the varint integers and bool, the zig-zag pair, the two 32-bit and the two 64-bit fixed pairs. A value out
/// of the reader's range is truncated as a C++ cast would; the bytes always parse.
/// </summary>
internal static class WireGroups
{
    private static readonly Dictionary<string, string> GroupOf = new(StringComparer.Ordinal)
    {
        ["int32"] = "varint",
        ["uint32"] = "varint",
        ["int64"] = "varint",
        ["uint64"] = "varint",
        ["bool"] = "varint",
        ["sint32"] = "zigzag",
        ["sint64"] = "zigzag",
        ["fixed32"] = "fixed32",
        ["sfixed32"] = "fixed32",
        ["fixed64"] = "fixed64",
        ["sfixed64"] = "fixed64",
    };

    /// <summary>The integer types an enum's varint is read as without loss of the bytes (bool is not among them).</summary>
    private static readonly HashSet<string> EnumCompatible = new(StringComparer.Ordinal) { "int32", "uint32", "int64", "uint64" };

    public static bool SameGroup(string a, string b) =>
        GroupOf.TryGetValue(a, out var first) && GroupOf.TryGetValue(b, out var second) && first == second;

    public static bool ReadsAsEnum(string scalar) => EnumCompatible.Contains(scalar);
}
