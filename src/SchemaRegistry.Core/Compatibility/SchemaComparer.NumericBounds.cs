using System.Text.Json;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>
/// A number's lower or upper bound is judged as one bound whichever keyword states it: <c>minimum</c> and
/// <c>exclusiveMinimum</c> (or the maximum pair) together give the effective bound, so rewriting
/// <c>{"exclusiveMinimum":0}</c> as <c>{"minimum":0}</c> is one loosening, not a removal plus an addition, and
/// restating a bound with the other keyword at no change in meaning is no change at all.
/// </summary>
internal sealed partial class SchemaComparer
{
    private readonly record struct NumericBound(decimal Value, bool Exclusive, string Keyword)
    {
        public bool Excludes(decimal value, bool lower) =>
            lower ? value < Value || (Exclusive && value == Value) : value > Value || (Exclusive && value == Value);

        public bool TighterThan(NumericBound? other, bool lower) =>
            other is not { } b
            || (lower ? Value > b.Value : Value < b.Value)
            || (Value == b.Value && Exclusive && !b.Exclusive);

        public string Json => $"{{\"{Keyword}\":{SchemaJson.Format(Value)}}}";
    }

    /// <summary>Compares one side's bound; false when a value is not a number (draft-04's boolean form), left to the per-keyword comparison.</summary>
    private bool CompareNumericBound(JsonElement o, JsonElement n, string path, bool lower, List<SchemaChange> output)
    {
        var (inclusive, exclusive) = lower ? ("minimum", "exclusiveMinimum") : ("maximum", "exclusiveMaximum");
        if (!TryEffectiveBound(o, inclusive, exclusive, lower, out var before) || !TryEffectiveBound(n, inclusive, exclusive, lower, out var after))
        {
            return false;
        }
        if (before is { } x && after is { } y ? x.Value == y.Value && x.Exclusive == y.Exclusive : before is null && after is null)
        {
            return true;
        }
        var side = lower ? "lower" : "upper";
        if (after is { } tight && tight.TighterThan(before, lower))
        {
            output.Add(new(ChangeKind.BoundTightened, path + "/" + tight.Keyword, Text(o, before), Text(n, after), false, true,
                $"The {side} bound was tightened from {Describe(before)} to {Describe(after)}: old data between the two bounds is rejected by the new schema.",
                NumericExample(o, tight, before, lower)));
        }
        else
        {
            var loose = before!.Value;
            output.Add(new(ChangeKind.BoundLoosened, path + "/" + loose.Keyword, Text(o, before), Text(n, after), true, false,
                $"The {side} bound was loosened from {Describe(before)} to {Describe(after)}: new data between the two bounds is rejected by the old schema.",
                NumericExample(n, loose, after, lower)));
        }
        return true;

        // The keyword's own value when both sides use the same keyword (as every other bound reports), else the bound with its keyword.
        string? Text(JsonElement schema, NumericBound? bound) =>
            bound is not { } b ? null
            : before?.Keyword == after?.Keyword || before is null || after is null ? SchemaJson.Get(schema, b.Keyword)?.GetRawText() : b.Json;

        static string Describe(NumericBound? bound) => bound is { } b ? $"{b.Keyword} {SchemaJson.Format(b.Value)}" : "none";
    }

    /// <summary>The bound both keywords of a side make together (the tighter one; exclusive wins at the same value).</summary>
    private static bool TryEffectiveBound(JsonElement schema, string inclusive, string exclusive, bool lower, out NumericBound? bound)
    {
        bound = null;
        foreach (var (keyword, isExclusive) in new[] { (inclusive, false), (exclusive, true) })
        {
            if (SchemaJson.Get(schema, keyword) is not { } value)
            {
                continue;
            }
            if (Decimal(value) is not { } number)
            {
                return false;
            }
            var candidate = new NumericBound(number, isExclusive, keyword);
            if (candidate.TighterThan(bound, lower))
            {
                bound = candidate;
            }
        }
        return true;
    }

    /// <summary>A number valid under <paramref name="looseSchema"/> that <paramref name="tight"/> excludes, if a simple one exists.</summary>
    private static string? NumericExample(JsonElement looseSchema, NumericBound tight, NumericBound? loose, bool lower)
    {
        var step = lower ? -1m : 1m;
        var candidates = new List<decimal> { tight.Value, tight.Value + step };
        if (loose is { } l)
        {
            candidates.Insert(1, l.Value);
            candidates.Add((l.Value + tight.Value) / 2);
        }
        var kinds = SchemaJson.Kinds(looseSchema);
        foreach (var value in candidates)
        {
            var needed = decimal.Truncate(value) == value ? ValueKinds.Integer : ValueKinds.Fraction;
            if (tight.Excludes(value, lower) && (kinds & needed) != 0 && SchemaJson.Values(looseSchema) is null && WithinNumericBounds(looseSchema, value))
            {
                return SchemaJson.Format(value);
            }
        }
        return null;
    }
}
