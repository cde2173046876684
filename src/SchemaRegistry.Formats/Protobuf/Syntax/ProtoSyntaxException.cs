using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Syntax;

/// <summary>The text is not valid <c>.proto</c>; carries where and what was expected.</summary>
internal sealed class ProtoSyntaxException(SourcePosition position, string reason) : Exception($"{position}: {reason}")
{
    public SourcePosition Position { get; } = position;

    public string Reason { get; } = reason;
}
