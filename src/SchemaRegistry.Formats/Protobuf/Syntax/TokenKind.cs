namespace SchemaRegistry.Formats.Protobuf.Syntax;

internal enum TokenKind
{
    Identifier,
    Integer,
    Float,
    String,
    Symbol,
    End,
}
