using SchemaRegistry.JsonSchema.Limits;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// The <c>Registry:SchemaLimits</c> section: how large and intricate a JSON Schema payload may be. Checked at
/// registration, edit and every content check, before the meta-schema pass and the compile (VAL-1103).
/// </summary>
public sealed class SchemaLimitSettings
{
    private static readonly SchemaLimitOptions Defaults = SchemaLimitOptions.Default;

    public int MaxSchemaBytes { get; set; } = Defaults.MaxSchemaBytes;

    public int MaxDepth { get; set; } = Defaults.MaxDepth;

    public int MaxSubschemas { get; set; } = Defaults.MaxSubschemas;

    public int MaxKeywords { get; set; } = Defaults.MaxKeywords;

    public int MaxReferenceDepth { get; set; } = Defaults.MaxReferenceDepth;

    public int MaxPatternLength { get; set; } = Defaults.MaxPatternLength;

    internal SchemaLimitOptions ToOptions(bool allowBacktrackingPatterns) => new()
    {
        MaxSchemaBytes = MaxSchemaBytes,
        MaxDepth = MaxDepth,
        MaxSubschemas = MaxSubschemas,
        MaxKeywords = MaxKeywords,
        MaxReferenceDepth = MaxReferenceDepth,
        MaxPatternLength = MaxPatternLength,
        AllowBacktrackingPatterns = allowBacktrackingPatterns,
    };
}
