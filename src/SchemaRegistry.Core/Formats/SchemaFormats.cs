namespace SchemaRegistry.Core.Formats;

/// <summary>The formats a registry holds, found by our name or by the Confluent <c>schemaType</c>.</summary>
public sealed class SchemaFormats
{
    private readonly Dictionary<string, ISchemaFormat> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ISchemaFormat> byConfluentType = new(StringComparer.OrdinalIgnoreCase);

    public SchemaFormats(IEnumerable<ISchemaFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        foreach (var format in formats)
        {
            byName.Add(format.Name, format);
            byConfluentType.Add(format.ConfluentType, format);
        }
    }

    public IReadOnlyCollection<ISchemaFormat> All => byName.Values;

    public bool TryGet(string name, out ISchemaFormat format) => byName.TryGetValue(name, out format!);

    /// <summary>A missing <c>schemaType</c> means JSON Schema's sibling in Confluent's API: Avro.</summary>
    public bool TryGetByConfluentType(string? schemaType, out ISchemaFormat format) =>
        byConfluentType.TryGetValue(schemaType ?? "AVRO", out format!);
}
