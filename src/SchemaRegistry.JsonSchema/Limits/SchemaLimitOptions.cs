namespace SchemaRegistry.JsonSchema.Limits;

/// <summary>
/// How large and how intricate a schema may be before anything expensive (meta-schema pass, compile, regex
/// construction) is done with it. The defaults leave room for the largest real schemas seen (a few thousand
/// subschemas) and refuse the shapes that only an attacker writes.
/// </summary>
public sealed record SchemaLimitOptions
{
    public static readonly SchemaLimitOptions Default = new();

    /// <summary>Largest schema, in bytes of UTF-8 JSON text.</summary>
    public int MaxSchemaBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest nesting of subschemas inside subschemas (the root is depth 0).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most subschemas (every schema object or boolean the document holds, the root included).</summary>
    public int MaxSubschemas { get; init; } = 20_000;

    /// <summary>Most keywords, counted over all subschemas (members of schema objects).</summary>
    public int MaxKeywords { get; init; } = 100_000;

    /// <summary>
    /// Longest chain of schemas applied to the same value one inside the other: <c>$ref</c>, <c>$dynamicRef</c>,
    /// <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>,
    /// <c>dependentSchemas</c>. Evaluation descends this chain for every value, so it bounds its stack.
    /// </summary>
    public int MaxReferenceDepth { get; init; } = 64;

    /// <summary>Longest <c>pattern</c> or <c>patternProperties</c> key, in UTF-16 code units.</summary>
    public int MaxPatternLength { get; init; } = 4096;

    /// <summary>
    /// Whether patterns that only the backtracking regex engine can run (lookarounds, backreferences, and ECMA's
    /// <c>\b</c>, <c>\B</c> and multiline anchors, which are written with lookarounds) are accepted. Such a pattern
    /// runs under a match timeout instead of in linear time.
    /// </summary>
    public bool AllowBacktrackingPatterns { get; init; }
}
