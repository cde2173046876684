using SchemaRegistry.Formats.Protobuf.Model;

namespace SchemaRegistry.Formats.Protobuf.Linking;

internal enum ProtoSymbolKind
{
    Package,
    Message,
    Enum,
}

/// <summary>A named definition: its full name (no leading dot), the file that declares it and that file's syntax.</summary>
internal sealed record ProtoSymbol(string FullName, ProtoSymbolKind Kind, string File, string Syntax, ProtoMessage? Message, ProtoEnum? Enum)
{
    public bool IsType => Kind is ProtoSymbolKind.Message or ProtoSymbolKind.Enum;
}
