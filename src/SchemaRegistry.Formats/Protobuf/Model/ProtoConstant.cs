namespace SchemaRegistry.Formats.Protobuf.Model;

/// <summary>What sort of constant an option's value is.</summary>
public enum ProtoConstantKind
{
    Identifier,
    Integer,
    Float,
    String,
    Aggregate,
}

/// <summary>
/// An option value in canonical spelling: identifiers as written, integers in decimal, floats in round-trip form,
/// strings escaped canonically (without quotes), aggregates as their tokens joined by single spaces.
/// </summary>
public sealed record ProtoConstant(ProtoConstantKind Kind, string Text)
{
    public string Write() => Kind == ProtoConstantKind.String ? $"\"{Text}\"" : Text;
}
