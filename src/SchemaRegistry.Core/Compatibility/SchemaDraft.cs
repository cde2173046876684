namespace SchemaRegistry.Core.Compatibility;

/// <summary>The JSON Schema drafts whose keyword meanings differ in ways the comparison must respect (ordered by age).</summary>
internal enum SchemaDraft
{
    Draft4,
    Draft6,
    Draft7,
    Draft201909,
    Draft202012,
}
