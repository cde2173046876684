using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>Computes the compatibility-relevant differences between two JSON Schema payloads.</summary>
public static class SchemaDiffer
{
    public static SchemaDiff Diff(JsonElement oldSchema, JsonElement newSchema)
    {
        var comparer = new SchemaComparer(oldSchema, newSchema);
        var changes = new List<SchemaChange>();
        comparer.Compare(oldSchema, newSchema, "", changes);
        var refined = new Inclusion.InclusionRefiner(oldSchema, newSchema).Refine(changes);
        return new SchemaDiff(refined.AsReadOnly());
    }
}
