namespace SchemaRegistry.Formats.Protobuf.Descriptors;

/// <summary>A FileDescriptorProto that decodes but cannot be a schema (a group, a field without a type, a bad index).</summary>
internal sealed class DescriptorException(string message) : Exception(message);
