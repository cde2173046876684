namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>
/// One <c>.proto</c> file as parsed: <paramref name="Syntax"/> is <c>proto2</c> or <c>proto3</c> (proto2 when the file
/// does not say), top-level messages in declaration order (their order gives Confluent's message indexes).
/// </summary>
public sealed record ProtoFile(
    string Syntax,
    string? Package,
    IReadOnlyList<ProtoImport> Imports,
    IReadOnlyList<ProtoOption> Options,
    IReadOnlyList<ProtoMessage> Messages,
    IReadOnlyList<ProtoEnum> Enums,
    IReadOnlyList<ProtoService> Services,
    IReadOnlyList<ProtoExtend> Extends)
{
    public bool IsProto3 => Syntax == "proto3";
}
