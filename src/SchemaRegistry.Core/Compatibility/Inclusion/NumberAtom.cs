namespace SchemaRegistry.Core.Compatibility.Inclusion;

/// <summary>A bound of a numeric range; exclusive bounds leave their value out.</summary>
internal readonly record struct Bound(decimal Value, bool Exclusive);

/// <summary>Numbers within a range, optionally whole only and multiples of every step, minus a few excluded values.</summary>
internal sealed record NumberAtom(Bound? Lower, Bound? Upper, bool IntegerOnly, IReadOnlyList<decimal> MultipleOf, IReadOnlySet<string> Excluded) : Atom
{
    public static readonly NumberAtom Any = new(null, null, false, [], new HashSet<string>());

    public override ValueKinds Kinds => IntegerOnly ? ValueKinds.Integer : ValueKinds.Integer | ValueKinds.Fraction;

    public bool IsUnconstrained => Lower is null && Upper is null && MultipleOf.Count == 0 && Excluded.Count == 0;

    /// <summary>False when the range holds no number at all (an empty range, or no whole number in it).</summary>
    public bool IsEmpty
    {
        get
        {
            if (Lower is { } lo && Upper is { } hi && (lo.Value > hi.Value || (lo.Value == hi.Value && (lo.Exclusive || hi.Exclusive))))
            {
                return true;
            }
            if ((IntegerOnly || MultipleOf.Count > 0) && Lower is { } l && Upper is { } u && MultipleOf.Count <= 1)
            {
                var step = MultipleOf.Count == 1 ? MultipleOf[0] : 1m;
                if (IntegerOnly && decimal.Truncate(step) != step)
                {
                    return false;
                }
                var first = decimal.Ceiling(l.Value / step) * step;
                if (l.Exclusive && first == l.Value)
                {
                    first += step;
                }
                return first > u.Value || (u.Exclusive && first == u.Value);
            }
            return false;
        }
    }

    public bool Contains(decimal value)
    {
        if (Lower is { } lo && (value < lo.Value || (lo.Exclusive && value == lo.Value)))
        {
            return false;
        }
        if (Upper is { } hi && (value > hi.Value || (hi.Exclusive && value == hi.Value)))
        {
            return false;
        }
        if (IntegerOnly && decimal.Truncate(value) != value)
        {
            return false;
        }
        return MultipleOf.All(step => value % step == 0) && !Excluded.Contains(SchemaJson.Format(value));
    }
}
