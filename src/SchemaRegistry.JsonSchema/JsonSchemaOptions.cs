namespace SchemaRegistry.JsonSchema;

/// <summary>How a schema is compiled and instances are checked.</summary>
public sealed record JsonSchemaOptions
{
    public static readonly JsonSchemaOptions Default = new();

    /// <summary>Dialect of a schema without <c>$schema</c>.</summary>
    public Dialect DefaultDialect { get; init; } = Dialect.Draft202012;

    /// <summary>Whether <c>format</c> asserts (on by default for data validation) or only annotates.</summary>
    public bool AssertFormat { get; init; } = true;

    /// <summary>Where external references are looked up.</summary>
    public ISchemaResolver? Resolver { get; init; }

    /// <summary>Deepest instance nesting checked; deeper instances are invalid with a clear error.</summary>
    public int MaxInstanceDepth { get; init; } = 1000;

    /// <summary>Largest schema document accepted, in bytes of JSON text.</summary>
    public int MaxSchemaBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Time limit of one regular-expression match (patterns that cannot run without backtracking).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(200);
}
