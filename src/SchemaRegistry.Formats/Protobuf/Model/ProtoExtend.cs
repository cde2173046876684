namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>An <c>extend</c> block: the extended message and the extension fields it declares.</summary>
public sealed record ProtoExtend(ProtoType Extendee, IReadOnlyList<ProtoField> Fields, SourcePosition Position);
