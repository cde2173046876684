namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>The JSON Schema drafts whose keyword meanings differ; the order is chronological.</summary>
internal enum Draft
{
    Draft4,
    Draft6,
    Draft7,
    Draft201909,
    Draft202012,
}
