using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility;

internal sealed partial class SchemaComparer
{
    private static ValueKinds DeclaredKinds(JsonElement schema) =>
        SchemaJson.Get(schema, "type") is { } ? SchemaJson.Kinds(SchemaJson.Parse("{\"type\":" + SchemaJson.Get(schema, "type")!.Value.GetRawText() + "}")) : ValueKinds.All;

    private void CompareTypes(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var declaredOld = DeclaredKinds(o);
        var declaredNew = DeclaredKinds(n);
        if (declaredOld == declaredNew)
        {
            return;
        }
        var oldKinds = EffectiveKinds(o, oldRoot, 0);
        var newKinds = EffectiveKinds(n, newRoot, 0);
        var (before, after) = oldKinds == newKinds ? (declaredOld, declaredNew) : (oldKinds, newKinds);
        var backward = (oldKinds & ~newKinds) == 0;
        var forward = (newKinds & ~oldKinds) == 0;
        ChangeKind kind;
        string reason;
        if ((before & ~after) == 0)
        {
            kind = ChangeKind.TypeWidened;
            reason = $"Type widened from {SchemaJson.Describe(before)} to {SchemaJson.Describe(after)}: old values stay valid, but new data of the added type(s) is rejected by the old schema.";
        }
        else if ((after & ~before) == 0)
        {
            kind = ChangeKind.TypeNarrowed;
            reason = $"Type narrowed from {SchemaJson.Describe(before)} to {SchemaJson.Describe(after)}: old data of the dropped type(s) is rejected by the new schema.";
        }
        else
        {
            kind = ChangeKind.TypeChanged;
            reason = $"Type changed from {SchemaJson.Describe(before)} to {SchemaJson.Describe(after)}: neither accepts all values of the other.";
        }
        if (backward && forward)
        {
            reason = $"Declared type changed from {SchemaJson.Describe(declaredOld)} to {SchemaJson.Describe(declaredNew)}, but enum/const, a whole multipleOf or allOf/anyOf/oneOf already limit the values to the same types.";
        }
        string? example = null;
        if (!backward)
        {
            example = KindSample(o, oldRoot, oldKinds & ~newKinds);
        }
        else if (!forward)
        {
            example = KindSample(n, newRoot, newKinds & ~oldKinds);
        }
        output.Add(new(kind, path + "/type", SchemaJson.Get(o, "type") is { } t1 ? OldText(t1) : null,
            SchemaJson.Get(n, "type") is { } t2 ? OldText(t2) : null, backward, forward, reason, example));
    }

    /// <summary>
    /// Kinds admitted by type/enum/const, narrowed by allOf (intersection) and anyOf/oneOf (union of branches), so a
    /// type list rewritten as <c>anyOf</c> branches is not mistaken for a widening to any type.
    /// </summary>
    private static ValueKinds EffectiveKinds(JsonElement schema, JsonElement root, int depth)
    {
        var kinds = SchemaJson.Kinds(schema);
        if (depth > 8)
        {
            return kinds;
        }
        foreach (var (keyword, conjunctive) in new[] { ("allOf", true), ("anyOf", false), ("oneOf", false) })
        {
            if (SchemaJson.Get(schema, keyword) is { ValueKind: JsonValueKind.Array } branches && branches.GetArrayLength() > 0)
            {
                var branchKinds = branches.EnumerateArray().Select(b => EffectiveKinds(SchemaJson.Resolve(b, root, out _), root, depth + 1));
                kinds &= conjunctive
                    ? branchKinds.Aggregate(ValueKinds.All, (a, b) => a & b)
                    : branchKinds.Aggregate(ValueKinds.None, (a, b) => a | b);
            }
        }
        return kinds;
    }

    private static string? KindSample(JsonElement schema, JsonElement root, ValueKinds kinds)
    {
        foreach (var kind in new[] { ValueKinds.Null, ValueKinds.String, ValueKinds.Integer, ValueKinds.Fraction, ValueKinds.Boolean, ValueKinds.Object, ValueKinds.Array })
        {
            if ((kinds & kind) != 0 && InstanceSampler.Sample(schema, root, kind) is { } sample)
            {
                return sample;
            }
        }
        return null;
    }

    private void CompareValues(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var oldValues = SchemaJson.Values(o);
        var newValues = SchemaJson.Values(n);
        if (oldValues is null && newValues is null)
        {
            return;
        }
        var oldConst = SchemaJson.Get(o, "const") is not null;
        var newConst = SchemaJson.Get(n, "const") is not null;
        var oldSet = oldValues?.Select(SchemaJson.Value).ToList();
        var newSet = newValues?.Select(SchemaJson.Value).ToList();
        // A const outside its sibling enum leaves no value (an empty set), shown as the empty list.
        var oldText = oldSet is null ? null : oldConst && oldSet.Count == 1 ? oldSet[0] : "[" + string.Join(",", oldSet) + "]";
        var newText = newSet is null ? null : newConst && newSet.Count == 1 ? newSet[0] : "[" + string.Join(",", newSet) + "]";
        if (oldSet is not null && newSet is not null)
        {
            if (oldSet.ToHashSet().SetEquals(newSet))
            {
                return;
            }
            if (oldConst && newConst)
            {
                output.Add(new(ChangeKind.ConstChanged, path + "/const", oldText, newText, false, false,
                    $"The constant changed from {oldText} to {newText}: no value is valid under both.", oldText));
                return;
            }
            var keyword = newConst ? "/const" : "/enum";
            foreach (var added in newSet.Where(v => !oldSet.Contains(v)).Distinct())
            {
                output.Add(new(ChangeKind.EnumValueAdded, path + keyword, oldText, newText, true, false,
                    $"Allowed value {added} was added: old data stays valid, but new data using {added} is rejected by the old schema.", added));
            }
            foreach (var removed in oldSet.Where(v => !newSet.Contains(v)).Distinct())
            {
                output.Add(new(ChangeKind.EnumValueRemoved, path + keyword, oldText, newText, false, true,
                    $"Allowed value {removed} was removed: old data using {removed} is rejected by the new schema.", removed));
            }
            return;
        }
        if (oldSet is null)
        {
            output.Add(new(newConst ? ChangeKind.ConstChanged : ChangeKind.EnumValueRemoved, path + (newConst ? "/const" : "/enum"), null, newText, false, true,
                $"A value restriction {newText} was introduced: old data with any other value is rejected by the new schema; new data is still valid under the old one.",
                ValueOutside(o, oldRoot, newSet!)));
        }
        else
        {
            output.Add(new(oldConst ? ChangeKind.ConstChanged : ChangeKind.EnumValueAdded, path + (oldConst ? "/const" : "/enum"), oldText, null, true, false,
                $"The value restriction {oldText} was removed: old data stays valid, but new data with other values is rejected by the old schema.",
                ValueOutside(n, newRoot, oldSet)));
        }
    }

    private static string? ValueOutside(JsonElement schema, JsonElement root, IReadOnlyCollection<string> excluded)
    {
        foreach (var kind in new[] { ValueKinds.String, ValueKinds.Integer, ValueKinds.Boolean, ValueKinds.Null, ValueKinds.Fraction })
        {
            if (InstanceSampler.Sample(schema, root, kind) is { } sample && !excluded.Contains(sample))
            {
                return sample;
            }
        }
        return null;
    }
}
