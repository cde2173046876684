namespace SchemaRegistry.Formats.Avro;

/// <summary>A record, enum or fixed: a type with a full name, aliases and documentation.</summary>
internal abstract class AvroNamed(string fullName, IReadOnlyList<string> aliases, string? doc) : AvroType
{
    public string FullName => fullName;

    /// <summary>The name without its namespace: what the specification's resolution rules compare.</summary>
    public string Name => fullName[(fullName.LastIndexOf('.') + 1)..];

    /// <summary>Aliases as full names (an unqualified alias takes the type's namespace).</summary>
    public IReadOnlyList<string> Aliases => aliases;

    public string? Doc => doc;

    public override string Label => fullName;
}
