using System.Text;
using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Limits;

/// <summary>
/// Checks a schema against <see cref="SchemaLimitOptions"/> in one pass over its JSON, before it is meta-validated
/// or compiled: the cost of this check is linear in the schema's size, uses no recursion (a 100,000-deep chain
/// cannot exhaust the stack) and stops at the first limit exceeded.
/// </summary>
public static class SchemaLimits
{
    /// <summary>The first limit <paramref name="json"/> exceeds, or null. Text that is not JSON is left to the later checks.</summary>
    public static SchemaLimitViolation? Check(string json, SchemaLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > limits.MaxSchemaBytes)
        {
            return new SchemaLimitViolation(nameof(limits.MaxSchemaBytes), "",
                $"The schema is {bytes:N0} bytes long; at most {limits.MaxSchemaBytes:N0} are allowed (MaxSchemaBytes).");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            return Check(document.RootElement, limits);
        }
    }

    /// <summary>The first limit <paramref name="schema"/> exceeds, or null.</summary>
    public static SchemaLimitViolation? Check(JsonElement schema, SchemaLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new SchemaLimitWalker(limits).Run(schema);
    }
}
