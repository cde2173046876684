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
        // unevaluated* judges an instance by what other subschemas evaluated (annotations, even through $ref): a
        // subschema's inclusion then says nothing about the schema that holds it, so the set-based refinement stays
        // out and the keyword comparison's own, annotation-aware verdicts stand. Draft-04 to draft-07 have no such keywords.
        if ((SchemaJson.DraftOf(oldSchema) >= SchemaDraft.Draft201909 && UsesUnevaluated(oldSchema))
            || (SchemaJson.DraftOf(newSchema) >= SchemaDraft.Draft201909 && UsesUnevaluated(newSchema)))
        {
            return new SchemaDiff(changes.AsReadOnly());
        }
        var refined = new Inclusion.InclusionRefiner(oldSchema, newSchema).Refine(changes);
        return new SchemaDiff(refined.AsReadOnly());
    }

    private static bool UsesUnevaluated(JsonElement schema) => schema.ValueKind switch
    {
        JsonValueKind.Object => schema.EnumerateObject().Any(member =>
            member.NameEquals("unevaluatedProperties") || member.NameEquals("unevaluatedItems") || UsesUnevaluated(member.Value)),
        JsonValueKind.Array => schema.EnumerateArray().Any(UsesUnevaluated),
        _ => false,
    };
}
