namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>
/// <c>duration</c> per the ABNF of RFC 3339 appendix A: <c>P</c> followed by weeks alone, or by date
/// elements (a consecutive run of Y, M, D) and/or <c>T</c> with time elements (a consecutive run of H, M, S).
/// Elements are integers of ASCII digits. ABNF literals are case-insensitive, so designators may be lower case.
/// </summary>
internal static class DurationFormat
{
    public static bool IsDuration(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || (value[0] | 0x20) != 'p')
        {
            return false;
        }
        var i = 1;
        if ((value[i] | 0x20) != 't')
        {
            var previous = -1;
            while (i < value.Length && (value[i] | 0x20) != 't')
            {
                if (!TryReadElement(value, ref i, out var unit))
                {
                    return false;
                }
                if (unit == 'w')
                {
                    return previous < 0 && i == value.Length;
                }
                var index = "ymd".IndexOf(unit, StringComparison.Ordinal);
                if (index < 0 || (previous >= 0 && index != previous + 1))
                {
                    return false;
                }
                previous = index;
            }
            if (i == value.Length)
            {
                return true;
            }
        }

        i++;
        if (i == value.Length)
        {
            return false;
        }
        var previousTime = -1;
        while (i < value.Length)
        {
            if (!TryReadElement(value, ref i, out var unit))
            {
                return false;
            }
            var index = "hms".IndexOf(unit, StringComparison.Ordinal);
            if (index < 0 || (previousTime >= 0 && index != previousTime + 1))
            {
                return false;
            }
            previousTime = index;
        }
        return true;
    }

    private static bool TryReadElement(ReadOnlySpan<char> value, ref int i, out char unit)
    {
        unit = '\0';
        var start = i;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }
        if (i == start || i >= value.Length || !char.IsAsciiLetter(value[i]))
        {
            return false;
        }
        unit = (char)(value[i] | 0x20);
        i++;
        return true;
    }
}
