namespace SchemaRegistry.Formats.Avro;

/// <summary>An enum; <see cref="Default"/> is the symbol a reader uses for a writer's symbol it does not know.</summary>
internal sealed class AvroEnum(string fullName, IReadOnlyList<string> aliases, string? doc, IReadOnlyList<string> symbols, string? defaultSymbol)
    : AvroNamed(fullName, aliases, doc)
{
    public override string Kind => "enum";

    public IReadOnlyList<string> Symbols => symbols;

    public string? Default => defaultSymbol;
}
