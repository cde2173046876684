using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>
/// The diff engine. Each keyword is a conjunctive constraint, so a change is judged keyword by keyword: Backward is
/// true when everything the old keyword accepted the new one accepts too, Forward the mirror. Local <c>$ref</c>s are
/// resolved (cycles are cut co-inductively); anything that cannot be proven is reported with a null verdict.
/// </summary>
internal sealed partial class SchemaComparer(JsonElement oldRoot, JsonElement newRoot)
{
    /// <summary>The keywords this comparer analyses; its breaking examples ignore every other keyword.</summary>
    internal static readonly HashSet<string> Handled =
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
        var start = output.Count;
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
        MarkEvaluationDependent(o, n, path, output, start);
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
            .Where(k => !Handled.Contains(k) && !UnevaluatedAccountedFor(o, n, k)).Distinct(StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            var a = SchemaJson.Get(o, keyword);
            var b = SchemaJson.Get(n, keyword);
            var oldText = a is { } x ? SchemaJson.Canonical(x, oldRoot) : null;
            var newText = b is { } y ? SchemaJson.Canonical(y, newRoot) : null;
            if (oldText != newText)
            {
                output.Add(new(ChangeKind.Unknown, path + "/" + Json.JsonPointer.Escape(keyword), a is { } ra ? OldText(ra) : null, b is { } rb ? OldText(rb) : null, null, null,
                    $"Keyword '{keyword}' changed; its effect on compatibility is not analysed.", null));
            }
        }
    }
}
