using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>
/// A number as precisely as it can be held: decimal when it fits (exact for everything JSON data usually holds),
/// otherwise double.
/// </summary>
internal readonly record struct JsonNumber(decimal Decimal, double Double, bool IsDecimal)
{
    public static JsonNumber Read(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDecimal(out var d))
        {
            return new JsonNumber(d, (double)d, true);
        }
        if (reader.TryGetDouble(out var x))
        {
            return new JsonNumber(0, x, false);
        }
        var text = Encoding.UTF8.GetString(reader.ValueSpan);
        return new JsonNumber(0, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), false);
    }

    /// <summary>Integer test on the token itself: no fraction or exponent means an integer, without parsing.</summary>
    public static bool IsIntegerToken(ref Utf8JsonReader reader)
    {
        var span = reader.ValueSpan;
        if (span.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            return true;
        }
        return Read(ref reader).IsInteger;
    }

    /// <summary>The limit as a small integer, when it is one: lets comparisons skip floating-point parsing.</summary>
    public long? SmallInteger => IsDecimal && Decimal == decimal.Truncate(Decimal) && Math.Abs(Decimal) < 1e15m ? (long)Decimal : null;

    /// <summary>
    /// Compares the current number token with <paramref name="limit"/>. Rounding to double is monotonic, so
    /// differing doubles already decide the order; only equal doubles need the exact decimal comparison.
    /// </summary>
    public static int CompareToken(ref Utf8JsonReader reader, JsonNumber limit, long? integerLimit)
    {
        if (integerLimit is { } whole && TryCompareWithInteger(reader.ValueSpan, whole, out var order))
        {
            return order;
        }
        if (TryReadSmallInteger(reader.ValueSpan, out var integer) && (double)integer != limit.Double)
        {
            // Integers below 2^53 convert to double exactly.
            return (double)integer < limit.Double ? -1 : 1;
        }
        if (reader.TryGetDouble(out var value) && double.IsFinite(value) && value != limit.Double)
        {
            return value < limit.Double ? -1 : 1;
        }
        return Read(ref reader).CompareTo(limit);
    }

    /// <summary>
    /// Compares a literal like <c>-12.50</c> with an integer without parsing it as a floating-point number: the
    /// integer part decides, and a non-zero fraction breaks a tie. Exponents are left to the general path.
    /// </summary>
    private static bool TryCompareWithInteger(ReadOnlySpan<byte> token, long limit, out int order)
    {
        order = 0;
        var dot = token.IndexOf((byte)'.');
        var integerPart = dot < 0 ? token : token[..dot];
        if (!TryReadSmallInteger(integerPart, out var whole))
        {
            return false;
        }
        var fractionNonZero = false;
        if (dot >= 0)
        {
            foreach (var b in token[(dot + 1)..])
            {
                if ((uint)(b - '0') > 9)
                {
                    return false;
                }
                fractionNonZero |= b != '0';
            }
        }
        if (whole != limit)
        {
            order = whole < limit ? -1 : 1;
            return true;
        }
        // Equal integer parts: -0.5 against 0 is below, 3.5 against 3 is above.
        var negative = token[0] == (byte)'-';
        order = !fractionNonZero ? 0 : negative ? -1 : 1;
        return true;
    }

    /// <summary>A plain integer literal of at most 15 digits, parsed without the general number parser.</summary>
    public static bool TryReadSmallInteger(ReadOnlySpan<byte> token, out long value)
    {
        value = 0;
        var negative = token.Length > 0 && token[0] == (byte)'-';
        var digits = negative ? token[1..] : token;
        if (digits.Length is 0 or > 15)
        {
            return false;
        }
        foreach (var b in digits)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }
            value = (value * 10) + d;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    public static JsonNumber From(JsonElement element)
    {
        if (element.TryGetDecimal(out var d))
        {
            return new JsonNumber(d, (double)d, true);
        }
        return new JsonNumber(0, double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture), false);
    }

    public bool IsInteger => IsDecimal ? decimal.Truncate(Decimal) == Decimal : double.IsFinite(Double) ? Math.Floor(Double) == Double : true;

    public int CompareTo(JsonNumber other) =>
        IsDecimal && other.IsDecimal ? Decimal.CompareTo(other.Decimal) : Double.CompareTo(other.Double);

    public bool IsMultipleOf(JsonNumber divisor)
    {
        if (IsDecimal && divisor.IsDecimal)
        {
            try
            {
                return Decimal % divisor.Decimal == 0;
            }
            catch (OverflowException)
            {
            }
        }
        var quotient = Double / divisor.Double;
        if (double.IsInfinity(quotient))
        {
            // Every integer is a multiple of a divisor whose reciprocal is an integer, however large it is.
            var reciprocal = 1 / divisor.Double;
            return IsInteger && Math.Floor(reciprocal) == reciprocal;
        }
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    public override string ToString() => IsDecimal ? Decimal.ToString(CultureInfo.InvariantCulture) : Double.ToString("R", CultureInfo.InvariantCulture);
}
