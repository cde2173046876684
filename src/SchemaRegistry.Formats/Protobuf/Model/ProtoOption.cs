namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>An option: <c>java_package</c>, <c>(my.ext).field</c>, with its value.</summary>
public sealed record ProtoOption(string Name, ProtoConstant Value);
