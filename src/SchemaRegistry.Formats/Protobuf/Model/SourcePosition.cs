namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>A 1-based line and column in a <c>.proto</c> text.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
