namespace SchemaRegistry.JsonSchema;

/// <summary>One error of the JSON Schema "basic" output format.</summary>
/// <param name="InstanceLocation">JSON pointer into the instance.</param>
/// <param name="KeywordLocation">JSON pointer through the schema as evaluated (including $ref hops).</param>
/// <param name="AbsoluteKeywordLocation">Absolute URI of the keyword in its schema resource.</param>
/// <param name="Message">Plain-English explanation.</param>
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string AbsoluteKeywordLocation, string Message);
