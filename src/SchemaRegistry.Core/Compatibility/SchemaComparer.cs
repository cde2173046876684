using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>
/// The diff engine. Each keyword is a conjunctive constraint, so a change is judged keyword by keyword: Backward is
/// true when everything the old keyword accepted the new one accepts too, Forward the mirror. Local <c>$ref</c>s are
/// resolved (cycles are cut co-inductively); anything that cannot be proven is reported with a null verdict.
/// </summary>
internal sealed class SchemaComparer(JsonElement oldRoot, JsonElement newRoot)
{
    private static readonly HashSet<string> Handled =
    [
        "$ref", "$defs", "definitions", "type", "enum", "const",
        "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength",
        "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains", "multipleOf",
        "pattern", "format", "properties", "required", "additionalProperties",
        "prefixItems", "items", "additionalItems", "uniqueItems",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "title", "description", "examples", "$comment", "deprecated", "readOnly", "writeOnly", "default", "$id", "$anchor",
    ];

    private static readonly string[] DescriptiveKeywords =
        ["title", "description", "examples", "$comment", "deprecated", "readOnly", "writeOnly", "$id", "$anchor"];

    private static readonly (string Keyword, bool Lower, bool Exclusive, ValueKinds Applies)[] Bounds =
    [
        ("minimum", true, false, ValueKinds.Integer | ValueKinds.Fraction),
        ("exclusiveMinimum", true, true, ValueKinds.Integer | ValueKinds.Fraction),
        ("maximum", false, false, ValueKinds.Integer | ValueKinds.Fraction),
        ("exclusiveMaximum", false, true, ValueKinds.Integer | ValueKinds.Fraction),
        ("minLength", true, false, ValueKinds.String),
        ("maxLength", false, false, ValueKinds.String),
        ("minItems", true, false, ValueKinds.Array),
        ("maxItems", false, false, ValueKinds.Array),
        ("minProperties", true, false, ValueKinds.Object),
        ("maxProperties", false, false, ValueKinds.Object),
        ("minContains", true, false, ValueKinds.None),
        ("maxContains", false, false, ValueKinds.None),
    ];

    private readonly HashSet<(string, string)> active = [];

    public void Compare(JsonElement oldSchema, JsonElement newSchema, string path, List<SchemaChange> output)
    {
        var o = SchemaJson.Resolve(oldSchema, oldRoot, out var oldKey);
        var n = SchemaJson.Resolve(newSchema, newRoot, out var newKey);
        var key = (oldKey ?? "", newKey ?? "");
        var tracked = (oldKey is not null || newKey is not null) && active.Add(key);
        if ((oldKey is not null || newKey is not null) && !tracked)
        {
            return; // Already comparing this pair of definitions further up: equal unless proven otherwise there.
        }
        try
        {
            CompareResolved(o, n, path, output);
        }
        finally
        {
            if (tracked)
            {
                active.Remove(key);
            }
        }
    }

    private static (bool? Backward, bool? Forward) Aggregate(IReadOnlyCollection<SchemaChange> changes) =>
        (Combine(changes.Select(c => c.Backward)), Combine(changes.Select(c => c.Forward)));

    private static bool? Combine(IEnumerable<bool?> verdicts)
    {
        var list = verdicts.ToList();
        return list.Contains(false) ? false : list.Contains(null) ? null : true;
    }

    private static string? BackwardExample(IEnumerable<SchemaChange> changes) =>
        changes.FirstOrDefault(c => c.Backward == false && c.Example is not null)?.Example;

    private static string? ForwardExample(IEnumerable<SchemaChange> changes) =>
        changes.FirstOrDefault(c => c.Backward != false && c.Forward == false && c.Example is not null)?.Example;

    private static string Quote(string name) => "'" + name + "'";

    private string OldText(JsonElement value) => SchemaJson.Value(value);

    private void CompareResolved(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        if (SchemaJson.Canonical(o, oldRoot) == SchemaJson.Canonical(n, newRoot))
        {
            return;
        }
        var schemaKinds = new[] { JsonValueKind.Object, JsonValueKind.True, JsonValueKind.False };
        if (!schemaKinds.Contains(o.ValueKind) || !schemaKinds.Contains(n.ValueKind))
        {
            output.Add(new(ChangeKind.Unknown, path, OldText(o), OldText(n), null, null,
                "One side is not a valid schema (must be an object or a boolean); the change cannot be analysed.", null));
            return;
        }
        if (SchemaJson.IsFalse(o) || SchemaJson.IsFalse(n))
        {
            CompareWithFalse(o, n, path, output);
            return;
        }
        var oldRef = SchemaJson.Get(o, "$ref");
        var newRef = SchemaJson.Get(n, "$ref");
        if (oldRef is not null || newRef is not null)
        {
            if (oldRef is null || newRef is null || SchemaJson.Value(oldRef.Value) != SchemaJson.Value(newRef.Value))
            {
                output.Add(new(ChangeKind.Unknown, path + "/$ref", oldRef?.GetRawText(), newRef?.GetRawText(), null, null,
                    "A reference that cannot be resolved locally (external or dangling $ref) differs; its target cannot be compared.", null));
                return;
            }
        }
        CompareTypes(o, n, path, output);
        CompareValues(o, n, path, output);
        CompareBounds(o, n, path, output);
        CompareMultipleOf(o, n, path, output);
        CompareStringRule(o, n, path, "pattern", ChangeKind.PatternChanged, output);
        CompareStringRule(o, n, path, "format", ChangeKind.FormatChanged, output);
        CompareObject(o, n, path, output);
        CompareArray(o, n, path, output);
        CompareComposition(o, n, path, output);
        CompareAnnotations(o, n, path, output);
        CompareUnknown(o, n, path, output);
    }

    private void CompareWithFalse(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        if (SchemaJson.IsFalse(o) && SchemaJson.IsFalse(n))
        {
            return;
        }
        if (SchemaJson.IsFalse(o))
        {
            output.Add(new(ChangeKind.TypeWidened, path, "false", OldText(n), true, false,
                "The old schema accepted nothing here (false); the new one accepts values, so new data can be rejected by the old schema.",
                InstanceSampler.Sample(n, newRoot)));
        }
        else
        {
            output.Add(new(ChangeKind.TypeNarrowed, path, OldText(o), "false", false, true,
                "The new schema accepts nothing here (false); any value the old schema accepted is now rejected.",
                InstanceSampler.Sample(o, oldRoot)));
        }
    }

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
        var oldKinds = SchemaJson.Kinds(o);
        var newKinds = SchemaJson.Kinds(n);
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
            reason = $"Declared type changed from {SchemaJson.Describe(declaredOld)} to {SchemaJson.Describe(declaredNew)}, but enum/const already limit the values to the same types.";
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
        var oldText = oldSet is null ? null : oldConst ? oldSet[0] : "[" + string.Join(",", oldSet) + "]";
        var newText = newSet is null ? null : newConst ? newSet[0] : "[" + string.Join(",", newSet) + "]";
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

    private static decimal? Decimal(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var d) ? d : null;

    private void CompareBounds(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        foreach (var (keyword, lower, exclusive, applies) in Bounds)
        {
            var a = SchemaJson.Get(o, keyword);
            var b = SchemaJson.Get(n, keyword);
            if ((a is null && b is null) || (a is { } x && b is { } y && SchemaJson.Value(x) == SchemaJson.Value(y)))
            {
                continue;
            }
            var at = path + "/" + keyword;
            var oldValue = Decimal(a);
            var newValue = Decimal(b);
            if ((a is not null && oldValue is null) || (b is not null && newValue is null))
            {
                output.Add(new(ChangeKind.Unknown, at, a?.GetRawText(), b?.GetRawText(), null, null,
                    $"'{keyword}' has a non-numeric value (e.g. draft-04 boolean form); the change is not analysed.", null));
                continue;
            }
            var tighter = newValue is { } nv && (oldValue is not { } ov || (lower ? nv > ov : nv < ov));
            var side = lower ? "lower" : "upper";
            if (tighter)
            {
                output.Add(new(ChangeKind.BoundTightened, at, a?.GetRawText(), b?.GetRawText(), false, true,
                    $"The {side} bound '{keyword}' was tightened from {a?.GetRawText() ?? "none"} to {b?.GetRawText()}: old data between the two bounds is rejected by the new schema.",
                    BoundExample(o, oldRoot, lower, exclusive, applies, newValue!.Value, oldValue)));
            }
            else
            {
                output.Add(new(ChangeKind.BoundLoosened, at, a?.GetRawText(), b?.GetRawText(), true, false,
                    $"The {side} bound '{keyword}' was loosened from {a?.GetRawText()} to {b?.GetRawText() ?? "none"}: new data between the two bounds is rejected by the old schema.",
                    BoundExample(n, newRoot, lower, exclusive, applies, oldValue!.Value, newValue)));
            }
        }
    }

    /// <summary>A value valid under <paramref name="schema"/> (which has the loose bound) that violates the tight bound.</summary>
    private static string? BoundExample(JsonElement schema, JsonElement root, bool lower, bool exclusive, ValueKinds applies, decimal tight, decimal? loose)
    {
        decimal target = (lower, exclusive) switch
        {
            (true, false) => loose ?? tight - 1,
            (false, false) => loose ?? tight + 1,
            _ => tight,
        };
        var kinds = SchemaJson.Kinds(schema);
        if (applies.HasFlag(ValueKinds.Integer))
        {
            var needed = decimal.Truncate(target) == target ? ValueKinds.Integer : ValueKinds.Fraction;
            return (kinds & needed) != 0 && SchemaJson.Values(schema) is null && WithinNumericBounds(schema, target) ? SchemaJson.Format(target) : null;
        }
        if (target < 0 || target > 64)
        {
            return null;
        }
        var count = (int)target;
        if (applies == ValueKinds.String && (kinds & ValueKinds.String) != 0 && SchemaJson.Values(schema) is null
            && SchemaJson.Get(schema, "pattern") is null && SchemaJson.Get(schema, "format") is null)
        {
            return JsonSerializer.Serialize(new string('a', count));
        }
        if (applies == ValueKinds.Array && (kinds & ValueKinds.Array) != 0 && SchemaJson.Values(schema) is null
            && SchemaJson.Get(schema, "prefixItems") is null && SchemaJson.Get(schema, "uniqueItems") is not { ValueKind: JsonValueKind.True }
            && InstanceSampler.Sample(SchemaJson.Get(schema, "items") ?? SchemaJson.True, root) is { } item)
        {
            return "[" + string.Join(",", Enumerable.Repeat(item, count)) + "]";
        }
        return null;
    }

    private static bool WithinNumericBounds(JsonElement schema, decimal value) =>
        !(Decimal(SchemaJson.Get(schema, "minimum")) is { } min && value < min)
        && !(Decimal(SchemaJson.Get(schema, "maximum")) is { } max && value > max)
        && !(Decimal(SchemaJson.Get(schema, "exclusiveMinimum")) is { } xmin && value <= xmin)
        && !(Decimal(SchemaJson.Get(schema, "exclusiveMaximum")) is { } xmax && value >= xmax)
        && !(Decimal(SchemaJson.Get(schema, "multipleOf")) is { } step && step > 0 && value % step != 0);

    private void CompareMultipleOf(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var a = Decimal(SchemaJson.Get(o, "multipleOf"));
        var b = Decimal(SchemaJson.Get(n, "multipleOf"));
        if (a == b)
        {
            return;
        }
        var at = path + "/multipleOf";
        var oldText = a is { } x ? SchemaJson.Format(x) : null;
        var newText = b is { } y ? SchemaJson.Format(y) : null;
        string? Candidate(JsonElement schema, decimal value, decimal? notMultipleOf) =>
            (SchemaJson.Kinds(schema) & (decimal.Truncate(value) == value ? ValueKinds.Integer : ValueKinds.Fraction)) != 0
            && SchemaJson.Values(schema) is null && WithinNumericBounds(schema, value) && (notMultipleOf is not { } m || value % m != 0)
                ? SchemaJson.Format(value) : null;
        string? Search(JsonElement schema, decimal notMultipleOf, decimal step)
        {
            for (var i = 1; i <= 50; i++)
            {
                if (Candidate(schema, step * i, notMultipleOf) is { } hit)
                {
                    return hit;
                }
            }
            return null;
        }
        if (a is null || (b is { } nb && a is { } oa0 && nb % oa0 == 0))
        {
            output.Add(new(ChangeKind.BoundTightened, at, oldText, newText, false, true,
                $"'multipleOf' tightened from {oldText ?? "none"} to {newText}: every new value is a multiple of the old step, but old values need not be multiples of the new one.",
                Search(o, b!.Value, a ?? 1)));
        }
        else if (b is null || a.Value % b.Value == 0)
        {
            output.Add(new(ChangeKind.BoundLoosened, at, oldText, newText, true, false,
                $"'multipleOf' loosened from {oldText} to {newText ?? "none"}: old values stay valid, but new values need not be multiples of the old step.",
                Search(n, a.Value, b ?? 1)));
        }
        else
        {
            output.Add(new(ChangeKind.BoundTightened, at, oldText, newText, false, false,
                $"'multipleOf' changed from {oldText} to {newText}; neither divides the other, so each side accepts values the other rejects.",
                Search(o, b.Value, a.Value)));
        }
    }

    private void CompareStringRule(JsonElement o, JsonElement n, string path, string keyword, ChangeKind kind, List<SchemaChange> output)
    {
        var a = SchemaJson.Get(o, keyword)?.GetString();
        var b = SchemaJson.Get(n, keyword)?.GetString();
        if (a == b)
        {
            return;
        }
        var at = path + "/" + keyword;
        var oldText = a is null ? null : JsonSerializer.Serialize(a);
        var newText = b is null ? null : JsonSerializer.Serialize(b);
        if (a is null)
        {
            output.Add(new(kind, at, null, newText, false, true,
                $"'{keyword}' {newText} was added: old strings that do not satisfy it are rejected by the new schema.",
                Violating(o, oldRoot, keyword, b!)));
        }
        else if (b is null)
        {
            output.Add(new(kind, at, oldText, null, true, false,
                $"'{keyword}' {oldText} was removed: old data stays valid, but new strings that do not satisfy it are rejected by the old schema.",
                Violating(n, newRoot, keyword, a)));
        }
        else
        {
            output.Add(new(kind, at, oldText, newText, null, null,
                $"'{keyword}' changed from {oldText} to {newText}; whether one accepts a subset of the other cannot be proven.", null));
        }
    }

    private static readonly HashSet<string> KnownFormats = ["email", "date", "date-time", "uuid", "uri"];

    private static string? Violating(JsonElement schema, JsonElement root, string keyword, string rule)
    {
        if (InstanceSampler.Sample(schema, root, ValueKinds.String) is not { } sample || SchemaJson.Values(schema) is not null)
        {
            return null;
        }
        var text = JsonSerializer.Deserialize<string>(sample) ?? "";
        if (keyword == "format")
        {
            // Samples of strings without a format are runs of 'a', which are no email, date, uuid or uri.
            return SchemaJson.Get(schema, "format") is null && KnownFormats.Contains(rule) ? sample : null;
        }
        try
        {
            return Regex.IsMatch(text, rule, RegexOptions.None, TimeSpan.FromMilliseconds(100)) ? null : sample;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static List<(string Name, JsonElement Schema)> Properties(JsonElement schema) =>
        SchemaJson.Get(schema, "properties") is { ValueKind: JsonValueKind.Object } properties
            ? properties.EnumerateObject().Select(p => (p.Name, p.Value)).ToList()
            : [];

    private static List<string> Required(JsonElement schema) =>
        SchemaJson.Get(schema, "required") is { ValueKind: JsonValueKind.Array } required
            ? required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).Distinct().ToList()
            : [];

    private static bool Fuzzy(JsonElement schema) =>
        (SchemaJson.Get(schema, "patternProperties") is { ValueKind: JsonValueKind.Object } patterns && patterns.EnumerateObject().Any())
        || SchemaJson.Get(schema, "unevaluatedProperties") is not null;

    private void CompareObject(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var oldProperties = Properties(o);
        var newProperties = Properties(n);
        var oldAdditional = SchemaJson.Get(o, "additionalProperties") ?? SchemaJson.True;
        var newAdditional = SchemaJson.Get(n, "additionalProperties") ?? SchemaJson.True;
        var names = oldProperties.Select(p => p.Name).Concat(newProperties.Select(p => p.Name)).Distinct().ToList();
        foreach (var name in names)
        {
            var at = path + "/properties/" + SchemaJson.Escape(name);
            var oldIndex = oldProperties.FindIndex(p => p.Name == name);
            var newIndex = newProperties.FindIndex(p => p.Name == name);
            if (oldIndex >= 0 && newIndex >= 0)
            {
                Compare(oldProperties[oldIndex].Schema, newProperties[newIndex].Schema, at, output);
            }
            else if (newIndex >= 0)
            {
                output.Add(PropertyAdded(o, n, name, at, oldAdditional, newProperties[newIndex].Schema));
            }
            else
            {
                output.Add(PropertyRemoved(o, n, name, at, oldProperties[oldIndex].Schema, newAdditional));
            }
        }

        var oldRequired = Required(o);
        var newRequired = Required(n);
        foreach (var name in newRequired.Except(oldRequired))
        {
            output.Add(new(ChangeKind.RequiredAdded, path + "/properties/" + SchemaJson.Escape(name), null, JsonSerializer.Serialize(name), false, true,
                $"Property {Quote(name)} became required: old data without {Quote(name)} is rejected by the new schema; new data always has it, which the old schema allows.",
                InstanceSampler.ObjectSample(o, oldRoot, 0, null, null)));
        }
        foreach (var name in oldRequired.Except(newRequired))
        {
            output.Add(new(ChangeKind.RequiredRemoved, path + "/properties/" + SchemaJson.Escape(name), JsonSerializer.Serialize(name), null, true, false,
                $"Property {Quote(name)} is no longer required: old data stays valid, but new data without {Quote(name)} is rejected by the old schema.",
                InstanceSampler.ObjectSample(n, newRoot, 0, null, null)));
        }

        CompareAdditional(o, n, path, oldAdditional, newAdditional, names, output);
    }

    private SchemaChange PropertyAdded(JsonElement o, JsonElement n, string name, string at, JsonElement oldAdditional, JsonElement added)
    {
        if (Fuzzy(o))
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
            ? Wrap(o, oldRoot, name, BackwardExample(inner))
            : forward == false ? Wrap(n, newRoot, name, ForwardExample(inner)) : null;
        return new(ChangeKind.PropertyAdded, at, null, OldText(added), backward, forward, reason, example);
    }

    private SchemaChange PropertyRemoved(JsonElement o, JsonElement n, string name, string at, JsonElement removed, JsonElement newAdditional)
    {
        if (Fuzzy(n))
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
            ? Wrap(o, oldRoot, name, BackwardExample(inner))
            : forward == false ? Wrap(n, newRoot, name, ForwardExample(inner)) : null;
        return new(ChangeKind.PropertyRemoved, at, OldText(removed), null, backward, forward, reason, example);
    }

    private static string? Wrap(JsonElement objectSchema, JsonElement root, string name, string? value) =>
        value is null ? null : InstanceSampler.ObjectSample(objectSchema, root, 0, name, value);

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
        if (Fuzzy(o) || Fuzzy(n))
        {
            backward = backward == true ? true : null;
            forward = forward == true ? true : null;
            reason += " patternProperties/unevaluatedProperties are present, so the effect on individual names is not proven.";
        }
        var example = backward == false
            ? Wrap(o, oldRoot, extra, BackwardExample(inner))
            : forward == false ? Wrap(n, newRoot, extra, ForwardExample(inner)) : null;
        output.Add(new(closing ? ChangeKind.AdditionalPropertiesClosed : ChangeKind.AdditionalPropertiesOpened, at,
            SchemaJson.Get(o, "additionalProperties") is { } a ? OldText(a) : null,
            SchemaJson.Get(n, "additionalProperties") is { } b ? OldText(b) : null,
            backward, forward, reason, example));
    }

    private static (List<JsonElement> Prefix, JsonElement Tail, string? Style) Tuple(JsonElement schema)
    {
        if (SchemaJson.Get(schema, "prefixItems") is { ValueKind: JsonValueKind.Array } prefix)
        {
            return (prefix.EnumerateArray().ToList(), SchemaJson.Get(schema, "items") ?? SchemaJson.True, "prefixItems");
        }
        if (SchemaJson.Get(schema, "items") is { ValueKind: JsonValueKind.Array } items)
        {
            return (items.EnumerateArray().ToList(), SchemaJson.Get(schema, "additionalItems") ?? SchemaJson.True, "items");
        }
        return ([], SchemaJson.Get(schema, "items") ?? SchemaJson.True, null);
    }

    private void CompareArray(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var (oldPrefix, oldRest, oldStyle) = Tuple(o);
        var (newPrefix, newRest, newStyle) = Tuple(n);
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
        if (oldBranches is not null && newBranches is not null && oldSet.SequenceEqual(newSet))
        {
            return;
        }
        var at = path + "/" + keyword;
        var oldText = SchemaJson.Get(o, keyword) is { } ov ? OldText(ov) : null;
        var newText = SchemaJson.Get(n, keyword) is { } nv ? OldText(nv) : null;
        if (oldBranches is not null && newBranches is not null && oldBranches.Count == newBranches.Count)
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

    private void CompareAnnotations(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        foreach (var keyword in DescriptiveKeywords.Append("default"))
        {
            var a = SchemaJson.Get(o, keyword);
            var b = SchemaJson.Get(n, keyword);
            var oldText = a is { } x ? OldText(x) : null;
            var newText = b is { } y ? OldText(y) : null;
            if (oldText == newText)
            {
                continue;
            }
            var kind = keyword == "default" ? ChangeKind.DefaultChanged : ChangeKind.DescriptionChanged;
            output.Add(new(kind, path + "/" + keyword, oldText, newText, true, true,
                $"'{keyword}' is an annotation and does not affect validation.", null));
        }
    }

    private void CompareUnknown(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var keywords = (o.ValueKind == JsonValueKind.Object ? o.EnumerateObject().Select(p => p.Name) : [])
            .Concat(n.ValueKind == JsonValueKind.Object ? n.EnumerateObject().Select(p => p.Name) : [])
            .Where(k => !Handled.Contains(k)).Distinct(StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            var a = SchemaJson.Get(o, keyword);
            var b = SchemaJson.Get(n, keyword);
            var oldText = a is { } x ? SchemaJson.Canonical(x, oldRoot) : null;
            var newText = b is { } y ? SchemaJson.Canonical(y, newRoot) : null;
            if (oldText != newText)
            {
                output.Add(new(ChangeKind.Unknown, path + "/" + SchemaJson.Escape(keyword), a is { } ra ? OldText(ra) : null, b is { } rb ? OldText(rb) : null, null, null,
                    $"Keyword '{keyword}' changed; its effect on compatibility is not analysed.", null));
            }
        }
    }
}
