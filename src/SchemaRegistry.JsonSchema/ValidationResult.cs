namespace SchemaRegistry.JsonSchema;

/// <summary>The outcome of validating one instance: valid, or the list of errors ("basic" output).</summary>
public sealed record ValidationResult(bool Valid, IReadOnlyList<ValidationError> Errors)
{
    public static readonly ValidationResult Success = new(true, []);
}
