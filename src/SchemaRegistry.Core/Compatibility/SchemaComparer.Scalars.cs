using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaRegistry.Core.Compatibility;

internal sealed partial class SchemaComparer
{
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

    private static decimal? Decimal(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var d) ? d : null;

    private static readonly JsonElement One = SchemaJson.Parse("1");

    /// <summary>
    /// A bound keyword's value; minContains/maxContains (2019-09 on) only count next to 'contains', whose own default
    /// is at least one match, so dropping <c>"minContains": 0</c> tightens.
    /// </summary>
    private static JsonElement? BoundValue(JsonElement schema, string keyword, SchemaDraft draft)
    {
        if (keyword is not ("minContains" or "maxContains"))
        {
            return SchemaJson.Get(schema, keyword);
        }
        if (draft < SchemaDraft.Draft201909 || SchemaJson.Get(schema, "contains") is null)
        {
            return null;
        }
        return SchemaJson.Get(schema, keyword) ?? (keyword == "minContains" ? One : null);
    }

    private void CompareBounds(JsonElement o, JsonElement n, string path, List<SchemaChange> output)
    {
        var numericLower = CompareNumericBound(o, n, path, lower: true, output);
        var numericUpper = CompareNumericBound(o, n, path, lower: false, output);
        foreach (var (keyword, lower, exclusive, applies) in Bounds)
        {
            if ((applies & ValueKinds.Fraction) != 0 && (lower ? numericLower : numericUpper))
            {
                continue;
            }
            var a = BoundValue(o, keyword, oldDraft);
            var b = BoundValue(n, keyword, newDraft);
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
        // Numbers that can only be whole have an implicit step of 1: integer and integer with multipleOf 1 agree.
        decimal? Step(decimal? stated, JsonElement schema) =>
            stated ?? ((SchemaJson.Kinds(schema) & (ValueKinds.Integer | ValueKinds.Fraction)) == ValueKinds.Integer ? 1 : null);
        if (a == b || Step(a, o) == Step(b, n))
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
}
