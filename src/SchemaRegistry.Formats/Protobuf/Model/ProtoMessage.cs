namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>A message: its fields (oneof members included, in declaration order) and what is nested in it.</summary>
public sealed record ProtoMessage(
    string Name,
    IReadOnlyList<ProtoField> Fields,
    IReadOnlyList<ProtoOneof> Oneofs,
    IReadOnlyList<ProtoMessage> Messages,
    IReadOnlyList<ProtoEnum> Enums,
    IReadOnlyList<ProtoExtend> Extends,
    IReadOnlyList<ProtoRange> ReservedRanges,
    IReadOnlyList<string> ReservedNames,
    IReadOnlyList<ProtoRange> ExtensionRanges,
    IReadOnlyList<ProtoOption> Options,
    SourcePosition Position)
{
    public bool IsReserved(long number) => ReservedRanges.Any(range => range.Contains(number));
}
