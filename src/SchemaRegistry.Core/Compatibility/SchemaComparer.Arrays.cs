using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility;

internal sealed partial class SchemaComparer
{
    /// <summary>
    /// The tuple positions and the schema of the items after them, as the schema's draft reads them: prefixItems and
    /// items in 2020-12, an items array and additionalItems before; an unevaluatedItems that acts as the tail counts as it.
    /// </summary>
    private static (List<JsonElement> Prefix, JsonElement Tail, string? Style) Tuple(JsonElement schema, SchemaDraft draft)
    {
        var unevaluated = UnevaluatedItemsTail(schema, draft);
        if (draft >= SchemaDraft.Draft202012 && SchemaJson.Get(schema, "prefixItems") is { ValueKind: JsonValueKind.Array } prefix)
        {
            return (prefix.EnumerateArray().ToList(), SchemaJson.Get(schema, "items") ?? unevaluated ?? SchemaJson.True, "prefixItems");
        }
        if (draft < SchemaDraft.Draft202012 && SchemaJson.Get(schema, "items") is { ValueKind: JsonValueKind.Array } items)
        {
            return (items.EnumerateArray().ToList(), SchemaJson.Get(schema, "additionalItems") ?? unevaluated ?? SchemaJson.True, "items");
        }
        return ([], SchemaJson.Get(schema, "items") ?? unevaluated ?? SchemaJson.True, null);
    }

    private void CompareArray(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var (oldPrefix, oldRest, oldStyle) = Tuple(o, oldDraft);
        var (newPrefix, newRest, newStyle) = Tuple(n, newDraft);
        var prefixKeyword = newStyle ?? oldStyle ?? "prefixItems";
        for (var i = 0; i < Math.Max(oldPrefix.Count, newPrefix.Count); i++)
        {
            var at = $"{path}/{prefixKeyword}/{i}";
            var oldItem = i < oldPrefix.Count ? oldPrefix[i] : oldRest;
            var newItem = i < newPrefix.Count ? newPrefix[i] : newRest;
            if (i < oldPrefix.Count && i < newPrefix.Count)
            {
                Compare(oldItem, newItem, at, output);
            }
            else
            {
                ItemsChange(oldItem, newItem, at, $"Tuple position {i} is {(i < newPrefix.Count ? "now" : "no longer")} described by its own schema; compared with the schema for the remaining items on the other side.", output);
            }
        }
        if (SchemaJson.Canonical(oldRest, oldRoot) != SchemaJson.Canonical(newRest, newRoot))
        {
            var at = path + "/" + ((newStyle ?? oldStyle) == "items" ? "additionalItems" : "items");
            if (SchemaJson.AcceptsEverything(oldRest) || SchemaJson.AcceptsEverything(newRest) || SchemaJson.IsFalse(oldRest) || SchemaJson.IsFalse(newRest))
            {
                ItemsChange(oldRest, newRest, at, $"The schema for array items went from {OldText(oldRest)} to {OldText(newRest)}.", output);
            }
            else
            {
                Compare(oldRest, newRest, at, output);
            }
        }
        var oldUnique = SchemaJson.Get(o, "uniqueItems") is { ValueKind: JsonValueKind.True };
        var newUnique = SchemaJson.Get(n, "uniqueItems") is { ValueKind: JsonValueKind.True };
        if (oldUnique != newUnique)
        {
            string? Duplicate(JsonElement schema, JsonElement root, JsonElement rest, int prefixCount) =>
                prefixCount == 0 && SchemaJson.Values(schema) is null && (SchemaJson.Kinds(schema) & ValueKinds.Array) != 0
                && !(Decimal(SchemaJson.Get(schema, "maxItems")) is { } max && max < 2) && !(Decimal(SchemaJson.Get(schema, "minItems")) is { } min && min > 2)
                && InstanceSampler.Sample(rest, root) is { } item ? $"[{item},{item}]" : null;
            output.Add(newUnique
                ? new(ChangeKind.BoundTightened, path + "/uniqueItems", oldUnique ? "true" : null, "true", false, true,
                    "uniqueItems was switched on: old arrays with duplicate items are rejected by the new schema.", Duplicate(o, oldRoot, oldRest, oldPrefix.Count))
                : new(ChangeKind.BoundLoosened, path + "/uniqueItems", "true", SchemaJson.Get(n, "uniqueItems") is { } u ? OldText(u) : null, true, false,
                    "uniqueItems was switched off: new arrays with duplicate items are rejected by the old schema.", Duplicate(n, newRoot, newRest, newPrefix.Count)));
        }
    }

    private void ItemsChange(JsonElement oldItem, JsonElement newItem, string at, string reason, List<SchemaChange> output)
    {
        var inner = new List<SchemaChange>();
        Compare(oldItem, newItem, at, inner);
        if (inner.Count == 0)
        {
            return;
        }
        var (backward, forward) = Aggregate(inner);
        var verdict = (backward, forward) switch
        {
            (true, true) => " Every value accepted by one is accepted by the other.",
            (false, _) => " Some items valid under the old schema are rejected by the new one.",
            (_, false) => " Some items valid under the new schema are rejected by the old one.",
            _ => " The effect could not be proven.",
        };
        output.Add(new(ChangeKind.ItemsChanged, at, OldText(oldItem), OldText(newItem), backward, forward, reason + verdict,
            backward == false ? BackwardExample(inner) : forward == false ? ForwardExample(inner) : null));
    }
}
