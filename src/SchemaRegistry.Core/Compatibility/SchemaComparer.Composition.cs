using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility;

internal sealed partial class SchemaComparer
{
    private void CompareComposition(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            CompareBranches(o, n, path, keyword, output);
        }
        CompareNot(o, n, path, output);
        var oldConditional = new[] { "if", "then", "else" }.Select(k => SchemaJson.Get(o, k)).ToList();
        var newConditional = new[] { "if", "then", "else" }.Select(k => SchemaJson.Get(n, k)).ToList();
        var oldText = string.Join("|", oldConditional.Select(e => e is { } v ? SchemaJson.Canonical(v, oldRoot) : "-"));
        var newText = string.Join("|", newConditional.Select(e => e is { } v ? SchemaJson.Canonical(v, newRoot) : "-"));
        if (oldText != newText)
        {
            var oldAbsent = oldConditional.TrueForAll(e => e is null);
            var newAbsent = newConditional.TrueForAll(e => e is null);
            var (backward, forward, reason) = (oldAbsent, newAbsent) switch
            {
                (true, _) => ((bool?)null, (bool?)true, "An if/then/else condition was added: new data satisfies every old constraint (forward compatible), but whether old data meets the new condition cannot be proven."),
                (_, true) => (true, null, "The if/then/else condition was removed: old data stays valid (backward compatible), but whether new data meets the old condition cannot be proven."),
                _ => (null, null, "The if/then/else condition changed; the effect cannot be proven."),
            };
            output.Add(new(ChangeKind.CompositionChanged, path + "/if", oldAbsent ? null : oldText, newAbsent ? null : newText, backward, forward, reason, null));
        }
    }

    private void CompareBranches(JsonElement o, JsonElement n, string path, string keyword, List<SchemaChange> output)
    {
        var oldBranches = SchemaJson.Get(o, keyword) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToList() : null;
        var newBranches = SchemaJson.Get(n, keyword) is { ValueKind: JsonValueKind.Array } b ? b.EnumerateArray().ToList() : null;
        if (oldBranches is null && newBranches is null)
        {
            return;
        }
        var oldSet = oldBranches?.Select(e => SchemaJson.Canonical(e, oldRoot)).ToList() ?? [];
        var newSet = newBranches?.Select(e => SchemaJson.Canonical(e, newRoot)).ToList() ?? [];
        // allOf, anyOf and oneOf do not depend on branch order.
        if (oldBranches is not null && newBranches is not null && oldSet.Order(StringComparer.Ordinal).SequenceEqual(newSet.Order(StringComparer.Ordinal)))
        {
            return;
        }
        var at = path + "/" + keyword;
        var oldText = SchemaJson.Get(o, keyword) is { } ov ? OldText(ov) : null;
        var newText = SchemaJson.Get(n, keyword) is { } nv ? OldText(nv) : null;
        // Pairing branches by position is only meaningful when no unchanged branch moved to another position.
        if (oldBranches is not null && newBranches is not null && oldBranches.Count == newBranches.Count
            && Enumerable.Range(0, oldSet.Count).All(i => oldSet[i] == newSet[i] || (!newSet.Contains(oldSet[i]) && !oldSet.Contains(newSet[i]))))
        {
            var inner = new List<SchemaChange>();
            for (var i = 0; i < oldBranches.Count; i++)
            {
                Compare(oldBranches[i], newBranches[i], $"{at}/{i}", inner);
            }
            // allOf is a conjunction and anyOf a disjunction, so branch-wise inclusion carries over to the whole.
            // oneOf is exclusive: a widened branch may start to overlap another, so only neutral edits carry over.
            if (keyword != "oneOf" || inner.TrueForAll(c => c.Backward == true && c.Forward == true))
            {
                output.AddRange(inner);
                return;
            }
            output.Add(new(ChangeKind.CompositionChanged, at, oldText, newText, null, null,
                "A oneOf branch changed; since exactly one branch must match, widening or narrowing a branch can change which data matches exactly one, so the effect cannot be proven.", null));
            return;
        }
        var oldInNew = oldSet.TrueForAll(newSet.Contains);
        var newInOld = newSet.TrueForAll(oldSet.Contains);
        bool? backward = null;
        bool? forward = null;
        string reason;
        if (oldBranches is null)
        {
            forward = true;
            reason = $"{keyword} was introduced: new data satisfies every old constraint (forward compatible), but whether old data satisfies the new {keyword} cannot be proven.";
        }
        else if (newBranches is null)
        {
            backward = true;
            reason = $"{keyword} was removed: old data stays valid (backward compatible), but whether new data satisfies the old {keyword} cannot be proven.";
        }
        else if (keyword == "allOf" && oldInNew)
        {
            forward = true;
            reason = "allOf gained branches: every new constraint adds to the old ones, so new data is valid under the old schema; old data may violate the added branches (not proven).";
        }
        else if (keyword == "allOf" && newInOld)
        {
            backward = true;
            reason = "allOf lost branches: old data still satisfies the remaining ones; new data may violate the dropped branches (not proven).";
        }
        else if (keyword == "anyOf" && oldInNew)
        {
            backward = true;
            reason = "anyOf gained alternatives: old data still matches one of its old alternatives; new data may match only an added one (not proven).";
        }
        else if (keyword == "anyOf" && newInOld)
        {
            forward = true;
            reason = "anyOf lost alternatives: new data matches one of the remaining (old) alternatives; old data may have matched only a dropped one (not proven).";
        }
        else
        {
            reason = $"The {keyword} branches changed in a way whose effect cannot be proven (for oneOf, adding or removing a branch can change which data matches exactly one).";
        }
        output.Add(new(ChangeKind.CompositionChanged, at, oldText, newText, backward, forward, reason, null));
    }

    private void CompareNot(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var a = SchemaJson.Get(o, "not");
        var b = SchemaJson.Get(n, "not");
        if (a is null && b is null)
        {
            return;
        }
        var at = path + "/not";
        if (a is { } oldNot && b is { } newNot)
        {
            var inner = new List<SchemaChange>();
            Compare(oldNot, newNot, at, inner);
            if (inner.Count == 0)
            {
                return;
            }
            var (backward, forward) = Aggregate(inner);
            output.Add(new(ChangeKind.CompositionChanged, at, OldText(oldNot), OldText(newNot), forward, backward,
                "The schema under 'not' changed; 'not' reverses inclusion, so widening the negated schema narrows what is accepted and vice versa.", null));
        }
        else if (a is null)
        {
            output.Add(new(ChangeKind.CompositionChanged, at, null, OldText(b!.Value), null, true,
                "A 'not' constraint was added: new data satisfies every old constraint, but old data may match the negated schema (not proven).", null));
        }
        else
        {
            output.Add(new(ChangeKind.CompositionChanged, at, OldText(a.Value), null, true, null,
                "The 'not' constraint was removed: old data stays valid, but new data may match the formerly negated schema (not proven).", null));
        }
    }
}
