namespace SchemaRegistry.JsonSchema.Limits;

/// <summary>The first limit a schema exceeds.</summary>
/// <param name="Limit">The name of the limit, as in <see cref="SchemaLimitOptions"/> (<c>MaxSubschemas</c>…).</param>
/// <param name="Location">JSON pointer of where in the schema the limit was reached ("" for the whole schema).</param>
/// <param name="Message">A sentence naming the limit, its value and what the schema holds.</param>
public sealed record SchemaLimitViolation(string Limit, string Location, string Message);
