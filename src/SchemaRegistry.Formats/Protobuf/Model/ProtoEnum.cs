namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>An enum value: its name, number and options.</summary>
public sealed record ProtoEnumValue(string Name, long Number, IReadOnlyList<ProtoOption> Options, SourcePosition Position);

/// <summary>An enum with its values in declaration order (the first is the default).</summary>
public sealed record ProtoEnum(
    string Name,
    IReadOnlyList<ProtoEnumValue> Values,
    IReadOnlyList<ProtoOption> Options,
    IReadOnlyList<ProtoRange> ReservedRanges,
    IReadOnlyList<string> ReservedNames,
    SourcePosition Position)
{
    public bool AllowsAlias => Options.Any(option => option.Name == "allow_alias" && option.Value.Text == "true");
}
