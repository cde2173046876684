namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>An rpc of a service, kept so the canonical text holds it; compatibility does not look at services.</summary>
public sealed record ProtoMethod(
    string Name,
    ProtoType Input,
    bool InputStreams,
    ProtoType Output,
    bool OutputStreams,
    IReadOnlyList<ProtoOption> Options,
    SourcePosition Position);

/// <summary>A service and its rpcs.</summary>
public sealed record ProtoService(string Name, IReadOnlyList<ProtoMethod> Methods, IReadOnlyList<ProtoOption> Options, SourcePosition Position);
