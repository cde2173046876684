namespace SchemaRegistry.Formats.Avro;

/// <summary>A fixed-size byte sequence.</summary>
internal sealed class AvroFixed(string fullName, IReadOnlyList<string> aliases, string? doc, int size)
    : AvroNamed(fullName, aliases, doc)
{
    public override string Kind => "fixed";

    public int Size => size;
}
