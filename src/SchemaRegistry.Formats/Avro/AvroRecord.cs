namespace SchemaRegistry.Formats.Avro;

/// <summary>A record (or error). Its fields are filled after it is registered by name, so they may refer to it.</summary>
internal sealed class AvroRecord(string kind, string fullName, IReadOnlyList<string> aliases, string? doc)
    : AvroNamed(fullName, aliases, doc)
{
    public override string Kind => kind;

    public List<AvroField> Fields { get; } = [];
}
