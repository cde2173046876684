namespace SchemaRegistry.JsonSchema.Suite;

/// <summary>The outcome of one test of the official JSON Schema test suite.</summary>
public sealed record SuiteCaseResult(string File, string Case, string Test, bool Expected, bool? Actual, string? Error)
{
    public bool Passed => Actual == Expected;
}
