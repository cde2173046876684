namespace SchemaRegistry.JsonSchema;

/// <summary>The JSON Schema drafts this validator implements.</summary>
public enum Dialect
{
    Draft4,
    Draft6,
    Draft7,
    Draft201909,
    Draft202012,
}
