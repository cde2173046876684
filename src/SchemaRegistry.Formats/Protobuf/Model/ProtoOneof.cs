namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>A oneof's name and options; its members are the message's fields that name it.</summary>
public sealed record ProtoOneof(string Name, IReadOnlyList<ProtoOption> Options, SourcePosition Position);
