using System.Text.Json;
using Members = System.Lazy<System.Collections.Generic.IReadOnlyList<(string Name, string Member)>?>;

namespace SchemaRegistry.Core.Compatibility;

internal sealed partial class SchemaComparer
{
    private static List<(string Name, JsonElement Schema)> Properties(JsonElement schema) =>
        SchemaJson.Get(schema, "properties") is { ValueKind: JsonValueKind.Object } properties
            ? properties.EnumerateObject().Select(p => (p.Name, p.Value)).ToList()
            : [];

    private static List<string> Required(JsonElement schema) =>
        SchemaJson.Get(schema, "required") is { ValueKind: JsonValueKind.Array } required
            ? required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).Distinct().ToList()
            : [];

    /// <summary>Whether names outside 'properties' are judged by more than one schema (patterns, or unevaluatedProperties that is no plain rest).</summary>
    private static bool Fuzzy(JsonElement schema, SchemaDraft draft) =>
        HasPatternProperties(schema)
        || (Unevaluated(schema, "unevaluatedProperties", draft) is not null
            && SchemaJson.Get(schema, "additionalProperties") is null && UnevaluatedPropertiesRest(schema, draft) is null);

    private void CompareObject(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var oldProperties = Properties(o);
        var newProperties = Properties(n);
        var oldAdditional = SchemaJson.Get(o, "additionalProperties") ?? UnevaluatedPropertiesRest(o, oldDraft) ?? SchemaJson.True;
        var newAdditional = SchemaJson.Get(n, "additionalProperties") ?? UnevaluatedPropertiesRest(n, newDraft) ?? SchemaJson.True;
        var names = oldProperties.Select(p => p.Name).Concat(newProperties.Select(p => p.Name)).Distinct().ToList();
        var oldIndexes = IndexOf(oldProperties);
        var newIndexes = IndexOf(newProperties);
        // The sample records behind the examples are built once per object, not once per change.
        var oldMembers = new Lazy<IReadOnlyList<(string Name, string Member)>?>(() => InstanceSampler.RequiredMembers(o, oldRoot, 0));
        var newMembers = new Lazy<IReadOnlyList<(string Name, string Member)>?>(() => InstanceSampler.RequiredMembers(n, newRoot, 0));
        foreach (var name in names)
        {
            var at = path + "/properties/" + Json.JsonPointer.Escape(name);
            var oldIndex = oldIndexes.GetValueOrDefault(name, -1);
            var newIndex = newIndexes.GetValueOrDefault(name, -1);
            if (oldIndex >= 0 && newIndex >= 0)
            {
                Compare(oldProperties[oldIndex].Schema, newProperties[newIndex].Schema, at, output);
            }
            else if (newIndex >= 0)
            {
                output.Add(PropertyAdded(o, n, name, at, oldAdditional, newProperties[newIndex].Schema, oldMembers, newMembers));
            }
            else
            {
                output.Add(PropertyRemoved(o, n, name, at, oldProperties[oldIndex].Schema, newAdditional, oldMembers, newMembers));
            }
        }

        var oldRequired = Required(o);
        var newRequired = Required(n);
        foreach (var name in newRequired.Except(oldRequired))
        {
            output.Add(new(ChangeKind.RequiredAdded, path + "/properties/" + Json.JsonPointer.Escape(name), null, JsonSerializer.Serialize(name), false, true,
                $"Property {Quote(name)} became required: old data without {Quote(name)} is rejected by the new schema; new data always has it, which the old schema allows.",
                InstanceSampler.Compose(o, oldRoot, oldMembers.Value, null, null)));
        }
        foreach (var name in oldRequired.Except(newRequired))
        {
            output.Add(new(ChangeKind.RequiredRemoved, path + "/properties/" + Json.JsonPointer.Escape(name), JsonSerializer.Serialize(name), null, true, false,
                $"Property {Quote(name)} is no longer required: old data stays valid, but new data without {Quote(name)} is rejected by the old schema.",
                InstanceSampler.Compose(n, newRoot, newMembers.Value, null, null)));
        }

        CompareAdditional(o, n, path, oldAdditional, newAdditional, names, output);
    }

    private SchemaChange PropertyAdded(JsonElement o, JsonElement n, string name, string at, JsonElement oldAdditional, JsonElement added, Members oldMembers, Members newMembers)
    {
        if (Fuzzy(o, oldDraft))
        {
            return new(ChangeKind.PropertyAdded, at, null, OldText(added), null, null,
                $"Property {Quote(name)} was added, but the old schema uses patternProperties/unevaluatedProperties, so what old data could carry under {Quote(name)} is not analysed.", null);
        }
        var inner = new List<SchemaChange>();
        Compare(oldAdditional, added, at, inner);
        var (backward, forward) = Aggregate(inner);
        string reason;
        if (SchemaJson.IsFalse(oldAdditional))
        {
            reason = $"Property {Quote(name)} was added. The old schema closed the object (additionalProperties: false), so old data never contains {Quote(name)}: backward compatible. New data carrying {Quote(name)} is rejected by the old schema: not forward compatible.";
        }
        else if (SchemaJson.AcceptsEverything(oldAdditional))
        {
            reason = backward == true
                ? $"Property {Quote(name)} was added with a schema that accepts any value; the old open content model already allowed {Quote(name)} with any value, so nothing changes for validation."
                : $"Property {Quote(name)} was added. The old schema leaves the object open (no additionalProperties: false), so old data may already carry {Quote(name)} with any value; the new schema constrains it, so such data can be rejected: not provably backward compatible. "
                  + "It is only safe if the old schema closed the object or the new property accepts anything ({}). New data stays valid under the old open model.";
        }
        else
        {
            reason = $"Property {Quote(name)} was added. Old data could already carry {Quote(name)} as an additional property checked by the old additionalProperties schema; the new property schema was compared against that schema.";
        }
        var example = backward == false
            ? Wrap(o, oldRoot, oldMembers, name, BackwardExample(inner))
            : forward == false ? Wrap(n, newRoot, newMembers, name, ForwardExample(inner)) : null;
        return new(ChangeKind.PropertyAdded, at, null, OldText(added), backward, forward, reason, example);
    }

    private SchemaChange PropertyRemoved(JsonElement o, JsonElement n, string name, string at, JsonElement removed, JsonElement newAdditional, Members oldMembers, Members newMembers)
    {
        if (Fuzzy(n, newDraft))
        {
            return new(ChangeKind.PropertyRemoved, at, OldText(removed), null, null, null,
                $"Property {Quote(name)} was removed, but the new schema uses patternProperties/unevaluatedProperties, so what it accepts under {Quote(name)} is not analysed.", null);
        }
        var inner = new List<SchemaChange>();
        Compare(removed, newAdditional, at, inner);
        var (backward, forward) = Aggregate(inner);
        string reason;
        if (SchemaJson.IsFalse(newAdditional))
        {
            reason = $"Property {Quote(name)} was removed and the new schema closes the object (additionalProperties: false): old data still carrying {Quote(name)} is rejected, so not backward compatible; new data never carries it, so forward compatible.";
        }
        else if (SchemaJson.AcceptsEverything(newAdditional))
        {
            reason = forward == true
                ? $"Property {Quote(name)} was removed; the new schema leaves the object open and the old property accepted any value, so nothing changes for validation."
                : $"Property {Quote(name)} was removed and the new schema leaves the object open: old data carrying {Quote(name)} stays valid (backward compatible), but new writers may put any value under {Quote(name)}, which the old schema still checks against its old definition: not forward compatible.";
        }
        else
        {
            reason = $"Property {Quote(name)} was removed. Under the new schema {Quote(name)} falls under additionalProperties; the old property schema was compared against that schema.";
        }
        var example = backward == false
            ? Wrap(o, oldRoot, oldMembers, name, BackwardExample(inner))
            : forward == false ? Wrap(n, newRoot, newMembers, name, ForwardExample(inner)) : null;
        return new(ChangeKind.PropertyRemoved, at, OldText(removed), null, backward, forward, reason, example);
    }

    private static string? Wrap(JsonElement objectSchema, JsonElement root, Members members, string name, string? value) =>
        value is null ? null : InstanceSampler.Compose(objectSchema, root, members.Value, name, value);

    private static Dictionary<string, int> IndexOf(List<(string Name, JsonElement Schema)> properties)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < properties.Count; i++)
        {
            index.TryAdd(properties[i].Name, i);
        }
        return index;
    }

    private void CompareAdditional(JsonElement o, JsonElement n, string path, JsonElement oldAdditional, JsonElement newAdditional, List<string> names, List<SchemaChange> output)
    {
        if (SchemaJson.Canonical(oldAdditional, oldRoot) == SchemaJson.Canonical(newAdditional, newRoot))
        {
            return;
        }
        var at = path + "/additionalProperties";
        var extra = "undeclaredProperty";
        while (names.Contains(extra))
        {
            extra += "_";
        }
        var oldOpen = SchemaJson.AcceptsEverything(oldAdditional);
        var newOpen = SchemaJson.AcceptsEverything(newAdditional);
        var oldClosed = SchemaJson.IsFalse(oldAdditional);
        var newClosed = SchemaJson.IsFalse(newAdditional);
        if (!(oldOpen || newOpen || oldClosed || newClosed))
        {
            Compare(oldAdditional, newAdditional, at, output);
            return;
        }
        var inner = new List<SchemaChange>();
        Compare(oldAdditional, newAdditional, at, inner);
        var (backward, forward) = Aggregate(inner);
        if (inner.Count == 0)
        {
            return;
        }
        var closing = oldOpen || newClosed;
        var reason = closing
            ? $"additionalProperties went from {OldText(oldAdditional)} to {OldText(newAdditional)}: old data may carry properties not declared in 'properties', and the new schema restricts or rejects them."
            : $"additionalProperties went from {OldText(oldAdditional)} to {OldText(newAdditional)}: old data stays valid, but new data with undeclared properties is rejected by the old schema.";
        if (Fuzzy(o, oldDraft) || Fuzzy(n, newDraft))
        {
            backward = backward == true ? true : null;
            forward = forward == true ? true : null;
            reason += " patternProperties/unevaluatedProperties are present, so the effect on individual names is not proven.";
        }
        var example = backward == false
            ? Wrap(o, oldRoot, new Members(() => InstanceSampler.RequiredMembers(o, oldRoot, 0)), extra, BackwardExample(inner))
            : forward == false ? Wrap(n, newRoot, new Members(() => InstanceSampler.RequiredMembers(n, newRoot, 0)), extra, ForwardExample(inner)) : null;
        output.Add(new(closing ? ChangeKind.AdditionalPropertiesClosed : ChangeKind.AdditionalPropertiesOpened, at,
            SchemaJson.Get(o, "additionalProperties") is { } a ? OldText(a) : null,
            SchemaJson.Get(n, "additionalProperties") is { } b ? OldText(b) : null,
            backward, forward, reason, example));
    }
}
