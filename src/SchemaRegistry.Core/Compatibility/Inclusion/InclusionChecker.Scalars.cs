namespace SchemaRegistry.Core.Compatibility.Inclusion;

internal sealed partial class InclusionChecker
{
    private static Outcome Numbers(NumberAtom x, NumberAtom y)
    {
        var whole = x.IntegerOnly;
        var (xLow, xHigh) = whole ? (Whole(x.Lower, lower: true), Whole(x.Upper, lower: false)) : (x.Lower, x.Upper);
        var (yLow, yHigh) = whole ? (Whole(y.Lower, lower: true), Whole(y.Upper, lower: false)) : (y.Lower, y.Upper);
        if (!Within(xLow, yLow, lower: true) || !Within(xHigh, yHigh, lower: false))
        {
            return Outcome.No("the numeric range of the one side extends beyond the other's");
        }
        if (y.IntegerOnly && !x.IntegerOnly)
        {
            return Outcome.No("one side accepts fractional numbers, the other whole numbers only");
        }
        foreach (var step in y.MultipleOf)
        {
            if (!x.MultipleOf.Any(k => k % step == 0) && !(x.IntegerOnly && 1m % step == 0))
            {
                return Outcome.No($"values need not be multiples of {SchemaJson.Format(step)} on the one side");
            }
        }
        foreach (var excluded in y.Excluded)
        {
            if (x.Contains(decimal.Parse(excluded, System.Globalization.CultureInfo.InvariantCulture)))
            {
                return Outcome.No($"the value {excluded} is excluded by one side only");
            }
        }
        return Outcome.Yes;
    }

    /// <summary>A bound on whole numbers, made inclusive and whole (x &gt; 0.5 is x ≥ 1).</summary>
    private static Bound? Whole(Bound? bound, bool lower) => bound is not { } b ? null : lower
        ? new Bound(b.Exclusive ? decimal.Floor(b.Value) + 1 : decimal.Ceiling(b.Value), false)
        : new Bound(b.Exclusive ? decimal.Ceiling(b.Value) - 1 : decimal.Floor(b.Value), false);

    /// <summary>Bound <paramref name="x"/> is at least as tight as <paramref name="y"/>.</summary>
    private static bool Within(Bound? x, Bound? y, bool lower)
    {
        if (y is not { } outer)
        {
            return true;
        }
        if (x is not { } inner)
        {
            return false;
        }
        if (inner.Value == outer.Value)
        {
            return inner.Exclusive || !outer.Exclusive;
        }
        return lower ? inner.Value > outer.Value : inner.Value < outer.Value;
    }

    private static Outcome Strings(StringAtom x, StringAtom y)
    {
        // Excluding the empty string is a minimum length of one.
        var minimum = x.MinLength == 0 && x.Excluded.Contains("\"\"") ? 1 : x.MinLength;
        if (minimum < y.MinLength || (y.MaxLength is { } max && !(x.MaxLength is { } own && own <= max)))
        {
            return Outcome.No("the string length range of the one side extends beyond the other's");
        }
        if (y.Patterns.FirstOrDefault(p => !x.Patterns.Contains(p)) is { } pattern)
        {
            return Outcome.No($"the pattern {System.Text.Json.JsonSerializer.Serialize(pattern)} is not implied by the other side's (pattern against pattern is only decided when identical: regular-expression inclusion is too costly in general)");
        }
        if (y.NotPatterns.FirstOrDefault(p => !x.NotPatterns.Contains(p)) is { } negated)
        {
            return Outcome.No($"strings matching {System.Text.Json.JsonSerializer.Serialize(negated)} are excluded by one side only");
        }
        if (y.Formats.FirstOrDefault(f => !x.Formats.Contains(f)) is { } format)
        {
            return Outcome.No($"the format '{format}' is required by one side only");
        }
        foreach (var excluded in y.Excluded)
        {
            if (!x.Excluded.Contains(excluded) && Membership.Of(x, SchemaJson.Parse(excluded)) != false)
            {
                return Outcome.No($"the value {excluded} is excluded by one side only");
            }
        }
        return Outcome.Yes;
    }
}
