using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>
/// <c>unevaluatedItems</c>/<c>unevaluatedProperties</c> apply to what no other keyword of the same
/// object evaluated, including its in-place applicators (allOf, anyOf, oneOf, if/then/else, dependentSchemas, $ref)
/// and, for items, <c>contains</c>. When nothing but the object's own tuple or properties evaluates, the keyword acts
/// exactly as the tail (<c>items</c>) or <c>additionalProperties</c> and is compared as such. Otherwise what it
/// applies to depends on which subschemas match, which keyword-by-keyword comparison cannot follow: every proven
/// verdict under such an object becomes unproven (null). They are read in 2019-09 and 2020-12 schemas only: draft-04 to
/// draft-07 have no such keywords, so there they constrain nothing, as the registry's validator (<c>SchemaRegistry.JsonSchema</c>)
/// reads them too.
/// </summary>
internal sealed partial class SchemaComparer
{
    private static readonly string[] InPlaceApplicators = ["allOf", "anyOf", "oneOf", "if", "then", "else", "dependentSchemas", "$ref", "$dynamicRef", "$recursiveRef"];

    private readonly SchemaDraft oldDraft = SchemaJson.DraftOf(oldRoot);
    private readonly SchemaDraft newDraft = SchemaJson.DraftOf(newRoot);

    /// <summary>An unevaluated* keyword's value where <paramref name="draft"/> has the keyword, else null.</summary>
    private static JsonElement? Unevaluated(JsonElement schema, string keyword, SchemaDraft draft) =>
        draft >= SchemaDraft.Draft201909 ? SchemaJson.Get(schema, keyword) : null;

    private static bool HasInPlaceApplicator(JsonElement schema) => InPlaceApplicators.Any(k => SchemaJson.Get(schema, k) is not null);

    private static bool HasPatternProperties(JsonElement schema) =>
        SchemaJson.Get(schema, "patternProperties") is { ValueKind: JsonValueKind.Object } patterns && patterns.EnumerateObject().Any();

    /// <summary>Whether every item past the tuple is evaluated by the object's own items/additionalItems.</summary>
    private static bool ItemsCovered(JsonElement schema, SchemaDraft draft) =>
        draft >= SchemaDraft.Draft202012
            ? SchemaJson.Get(schema, "items") is not null
            : SchemaJson.Get(schema, "items") is { } items && (items.ValueKind != JsonValueKind.Array || SchemaJson.Get(schema, "additionalItems") is not null);

    /// <summary><c>unevaluatedItems</c> when it acts as the schema of the items past the tuple, else null.</summary>
    private static JsonElement? UnevaluatedItemsTail(JsonElement schema, SchemaDraft draft) =>
        !HasInPlaceApplicator(schema) && SchemaJson.Get(schema, "contains") is null
            ? Unevaluated(schema, "unevaluatedItems", draft)
            : null;

    /// <summary><c>unevaluatedProperties</c> when it acts as <c>additionalProperties</c>, else null.</summary>
    private static JsonElement? UnevaluatedPropertiesRest(JsonElement schema, SchemaDraft draft) =>
        !HasInPlaceApplicator(schema) && !HasPatternProperties(schema)
            ? Unevaluated(schema, "unevaluatedProperties", draft)
            : null;

    /// <summary>
    /// Whether a change of this unevaluated* keyword is already judged elsewhere or has no effect on either side: the
    /// side lacks it, the object's own items/additionalProperties evaluate everything,
    /// or it stands for the tail/additionalProperties and was compared as such.
    /// </summary>
    private bool UnevaluatedAccountedFor(JsonElement o, JsonElement n, string keyword) => keyword switch
    {
        "unevaluatedItems" => ItemsAccounted(o, oldDraft) && ItemsAccounted(n, newDraft),
        "unevaluatedProperties" => PropertiesAccounted(o, oldDraft) && PropertiesAccounted(n, newDraft),
        _ => false,
    };

    private static bool ItemsAccounted(JsonElement schema, SchemaDraft draft) =>
        Unevaluated(schema, "unevaluatedItems", draft) is null || ItemsCovered(schema, draft) || UnevaluatedItemsTail(schema, draft) is not null;

    private static bool PropertiesAccounted(JsonElement schema, SchemaDraft draft) =>
        Unevaluated(schema, "unevaluatedProperties", draft) is null
        || SchemaJson.Get(schema, "additionalProperties") is not null || UnevaluatedPropertiesRest(schema, draft) is not null;

    /// <summary>Whether an unevaluated* keyword of this object depends on what its subschemas evaluate.</summary>
    private static bool EvaluationDependent(JsonElement schema, SchemaDraft draft)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        var items = Unevaluated(schema, "unevaluatedItems", draft) is { } ui && !SchemaJson.AcceptsEverything(ui) && !ItemsCovered(schema, draft)
            && (HasInPlaceApplicator(schema) || SchemaJson.Get(schema, "contains") is not null);
        var properties = Unevaluated(schema, "unevaluatedProperties", draft) is { } up && !SchemaJson.AcceptsEverything(up)
            && SchemaJson.Get(schema, "additionalProperties") is null && (HasInPlaceApplicator(schema) || HasPatternProperties(schema));
        return items || properties;
    }

    private void MarkEvaluationDependent(JsonElement o, JsonElement n, string path, List<SchemaChange> output, int start)
    {
        if (!EvaluationDependent(o, oldDraft) && !EvaluationDependent(n, newDraft))
        {
            return;
        }
        const string note = " An unevaluatedItems/unevaluatedProperties keyword here applies to what the object's subschemas leave unevaluated, which this change can move; the effect is not proven.";
        for (var i = start; i < output.Count; i++)
        {
            var change = output[i];
            if (change.Backward == true || change.Forward == true)
            {
                output[i] = change with
                {
                    Backward = change.Backward == true ? null : change.Backward,
                    Forward = change.Forward == true ? null : change.Forward,
                    Reason = change.Reason + note,
                };
            }
        }
        // A change under a subschema can shift what is evaluated without any keyword-level change being reported.
        if (output.Count == start)
        {
            var keyword = SchemaJson.Get(o, "unevaluatedProperties") is not null || SchemaJson.Get(n, "unevaluatedProperties") is not null ? "unevaluatedProperties" : "unevaluatedItems";
            output.Add(new(ChangeKind.Unknown, path + "/" + keyword, null, null, null, null, note.TrimStart(), null));
        }
    }
}
