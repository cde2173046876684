using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace SchemaRegistry.Core.Tests.Compatibility.Soundness;

/// <summary>
/// Random edits of a schema, each at one subschema: remove, add or replace a keyword; replace the subschema (by a
/// fresh one, true or false); move a bound by one; drop a tuple position, a branch, a required name or an enum value;
/// remove a property; move a property into <c>allOf</c>; move the subschema behind a <c>$ref</c> (pointer or
/// plain-name anchor) or inline a <c>$ref</c>; wrap it in <c>allOf</c>/<c>anyOf</c>; close or open the content.
/// </summary>
internal static class SchemaMutator
{
    /// <summary>How often each edit kind (the cases of <see cref="Apply(Draft, JsonObject, EditPlan)"/>) is drawn.</summary>
    private static readonly int[] Weights = [3, 2, 1, 1, 2, 3, 2, 2, 2, 2, 1, 2];

    private static readonly string[] Arrays = ["prefixItems", "items", "required", "enum", "allOf", "anyOf", "oneOf"];

    public static Gen<SchemaPair> Pairs =>
        from draft in Gen.Elements(Draft.Draft7, Draft.Draft201909, Draft.Draft202012)
        from old in SchemaGen.Root(draft)
        from count in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from edits in Gen.ListOf(Edit(draft), count)
        from swap in Gen.Elements(false, true)
        select Apply(draft, old, edits, swap);

    /// <summary>One edit drawn in advance as numbers, applied to whatever document it meets.</summary>
    private sealed record EditPlan(int Target, int Kind, int Pick, JsonNode Fresh, (string Key, JsonNode Value) Keyword);

    private static Gen<EditPlan> Edit(Draft draft)
    {
        var context = new SchemaGen.Context(draft, draft == Draft.Draft7 ? ["#/definitions/D0"] : ["#/$defs/D0"]);
        return from target in Gen.Choose(0, 1000)
               from kind in Gen.Frequency(Weights.Select((w, k) => (w, Gen.Constant(k))))
               from pick in Gen.Choose(0, 1000)
               from fresh in SchemaGen.Node(context with { Refs = [] }, 1)
               from keyword in SchemaGen.AnyKeyword(context with { Refs = [] })
               select new EditPlan(target, kind, pick, fresh, keyword);
    }

    private static SchemaPair Apply(Draft draft, JsonObject old, IEnumerable<EditPlan> edits, bool swap)
    {
        var mutated = (JsonObject)old.DeepClone();
        var log = new List<string>();
        foreach (var edit in edits)
        {
            log.Add(Apply(draft, mutated, edit));
        }
        var text = string.Join("; ", log);
        return swap ? new SchemaPair(draft, mutated, old, "reversed: " + text) : new SchemaPair(draft, old, mutated, text);
    }

    private static string Apply(Draft draft, JsonObject root, EditPlan edit)
    {
        // The edit goes to a subschema it applies to when there is one (the root counts as the slot null); a third
        // of the edits that change a keyword go into a definition, which references (pointer or anchor) reach.
        var slots = SchemaTree.Slots(root).Prepend(null).ToList();
        var fitting = slots.Where(s => Fits(edit.Kind, s is null ? root : s.Get())).ToList();
        var inDefinitions = fitting.Where(s => s?.Path is { } p && (p.StartsWith("/$defs/", StringComparison.Ordinal) || p.StartsWith("/definitions/", StringComparison.Ordinal))).ToList();
        var choices = edit.Kind is 0 or 1 or 4 && inDefinitions.Count > 0 && edit.Target % 3 == 0 ? inDefinitions : fitting.Count > 0 ? fitting : slots;
        var slot = choices[edit.Target % choices.Count];
        var node = slot is null ? root : slot.Get();
        var at = slot?.Path ?? "";
        if (node is not JsonObject schema)
        {
            slot!.Set(edit.Fresh.DeepClone());
            return $"{at}: boolean schema replaced by {edit.Fresh.ToJsonString()}";
        }
        var keys = schema.Select(p => p.Key).Where(k => k is not "$schema" and not "$defs" and not "definitions" and not "$id" and not "$anchor").ToList();
        switch (edit.Kind)
        {
            case 0 when keys.Count > 0:
                var removed = keys[edit.Pick % keys.Count];
                schema.Remove(removed);
                return $"{at}: removed {removed}";
            case 2 when slot is not null:
                slot.Set(edit.Fresh.DeepClone());
                return $"{at}: replaced by {edit.Fresh.ToJsonString()}";
            case 3 when slot is not null:
                var constant = edit.Pick % 2 == 0;
                slot.Set(JsonValue.Create(constant));
                return $"{at}: replaced by {(constant ? "true" : "false")}";
            case 4 when keys.Where(k => schema[k] is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList() is { Count: > 0 } numeric:
                var bound = numeric[edit.Pick % numeric.Count];
                var delta = edit.Pick % 2 == 0 ? 1 : -1;
                var moved = decimal.Parse(schema[bound]!.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) + delta;
                schema[bound] = bound == "multipleOf" ? (moved <= 0 ? 4 : moved) : bound.Contains("imum", StringComparison.Ordinal) ? moved : Math.Max(moved, 0);
                return $"{at}: {bound} moved by {delta}";
            case 5 when keys.Where(k => Arrays.Contains(k) && schema[k] is JsonArray { Count: > 0 }).ToList() is { Count: > 0 } lists:
                var list = lists[edit.Pick % lists.Count];
                var array = schema[list]!.AsArray();
                var position = edit.Pick % array.Count;
                array.RemoveAt(position);
                return $"{at}: removed {list}[{position}]";
            case 6 when schema["properties"] is JsonObject { Count: > 0 } properties:
                var name = properties.ElementAt(edit.Pick % properties.Count).Key;
                properties.Remove(name);
                return $"{at}: removed property {name}";
            case 7 when schema["properties"] is JsonObject { Count: > 0 } properties:
                var (member, value) = properties.ElementAt(edit.Pick % properties.Count);
                properties.Remove(member);
                var branch = new JsonObject { ["properties"] = new JsonObject { [member] = value } };
                if (schema["allOf"] is JsonArray allOf)
                {
                    allOf.Add(branch);
                }
                else
                {
                    schema["allOf"] = new JsonArray(branch);
                }
                return $"{at}: property {member} moved into allOf";
            case 8 when slot is not null:
                return MoveBehindRef(draft, root, slot, edit.Pick);
            case 9 when schema["$ref"] is JsonValue r && r.GetValueKind() == JsonValueKind.String && SchemaTree.Resolve(root, r.GetValue<string>()) is JsonObject target:
                var inlined = (JsonObject)target.DeepClone();
                inlined.Remove("$id");
                inlined.Remove("$anchor");
                schema.Remove("$ref");
                JsonNode replacement = schema.Count == 0 || draft == Draft.Draft7 ? inlined : new JsonObject { ["allOf"] = new JsonArray(schema.DeepClone(), inlined) };
                if (slot is null)
                {
                    return $"{at}: root $ref left alone";
                }
                slot.Set(replacement);
                return $"{at}: $ref {r.GetValue<string>()} inlined";
            case 10 when slot is not null:
                var wrapped = edit.Pick % 2 == 0
                    ? new JsonObject { ["allOf"] = new JsonArray(schema.DeepClone()) }
                    : new JsonObject { ["anyOf"] = new JsonArray(schema.DeepClone(), edit.Fresh.DeepClone()) };
                slot.Set(wrapped);
                return $"{at}: wrapped in {(edit.Pick % 2 == 0 ? "allOf" : "anyOf")}";
            case 11:
                var keyword = new[] { "additionalProperties", "unevaluatedProperties", "unevaluatedItems", draft == Draft.Draft202012 ? "items" : "additionalItems" }[edit.Pick % 4];
                if (schema[keyword] is JsonValue closed && closed.GetValueKind() == JsonValueKind.False)
                {
                    schema.Remove(keyword);
                    return $"{at}: {keyword}: false removed";
                }
                schema[keyword] = false;
                return $"{at}: {keyword} set to false";
        }
        schema[edit.Keyword.Key] = edit.Keyword.Value?.DeepClone();
        return $"{at}: set {edit.Keyword.Key} to {edit.Keyword.Value?.ToJsonString() ?? "null"}";
    }

    private static bool Fits(int kind, JsonNode? node) => node is JsonObject schema && kind switch
    {
        4 => schema.Any(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number),
        5 => schema.Any(p => Arrays.Contains(p.Key) && p.Value is JsonArray { Count: > 0 }),
        6 or 7 => schema["properties"] is JsonObject { Count: > 0 },
        9 => schema.ContainsKey("$ref"),
        _ => true,
    };

    private static string MoveBehindRef(Draft draft, JsonObject root, SchemaTree.Slot slot, int pick)
    {
        var defsKeyword = draft == Draft.Draft7 ? "definitions" : "$defs";
        if (root[defsKeyword] is not JsonObject defs)
        {
            defs = [];
            root[defsKeyword] = defs;
        }
        var name = "M" + defs.Count;
        var moved = slot.Get() switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            JsonValue v when v.GetValueKind() == JsonValueKind.False => new JsonObject { ["not"] = new JsonObject() },
            _ => [],
        };
        var anchored = pick % 2 == 0;
        defs[name] = anchored ? SchemaGen.Anchor(draft, moved, name) : moved;
        var reference = anchored ? "#" + name : $"#/{defsKeyword}/{name}";
        slot.Set(new JsonObject { ["$ref"] = reference });
        return $"{slot.Path}: moved behind $ref {reference}";
    }
}
