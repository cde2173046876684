namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>How an import exposes its file: plainly, re-exported (<c>public</c>) or <c>weak</c>.</summary>
public enum ProtoImportKind
{
    Default,
    Public,
    Weak,
}

/// <summary>An <c>import</c> statement.</summary>
public sealed record ProtoImport(string Path, ProtoImportKind Kind, SourcePosition Position);
