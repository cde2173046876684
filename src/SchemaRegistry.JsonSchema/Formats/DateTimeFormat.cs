namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>
/// <c>date</c> (RFC 3339 full-date), <c>time</c> (full-time) and <c>date-time</c>. Digits are ASCII only; T and Z
/// may be lower case (RFC 3339 5.6 note); a leap second (:60) is accepted only when the time, moved to UTC by its
/// offset, is 23:59.
/// </summary>
internal static class DateTimeFormat
{
    public static bool IsDate(ReadOnlySpan<char> value) => IsFullDate(value);

    public static bool IsTime(ReadOnlySpan<char> value) => IsFullTime(value);

    public static bool IsDateTime(ReadOnlySpan<char> value) =>
        value.Length > 11 && value[10] is 'T' or 't' && IsFullDate(value[..10]) && IsFullTime(value[11..]);

    private static bool IsFullDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return false;
        }
        return month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool IsFullTime(ReadOnlySpan<char> s)
    {
        if (s.Length < 9 || s[2] != ':' || s[5] != ':'
            || !TryDigits(s[..2], out var hour) || !TryDigits(s.Slice(3, 2), out var minute) || !TryDigits(s.Slice(6, 2), out var second))
        {
            return false;
        }
        var i = 8;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            if (i == start)
            {
                return false;
            }
        }
        if (i >= s.Length)
        {
            return false;
        }

        int offsetMinutes;
        if (s[i] is 'Z' or 'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] is '+' or '-')
        {
            var sign = s[i] == '-' ? -1 : 1;
            if (s.Length - i != 6 || s[i + 3] != ':'
                || !TryDigits(s.Slice(i + 1, 2), out var offsetHour) || !TryDigits(s.Slice(i + 4, 2), out var offsetMinute)
                || offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }
            offsetMinutes = sign * ((offsetHour * 60) + offsetMinute);
            i += 6;
        }
        else
        {
            return false;
        }

        if (i != s.Length || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }
        if (second == 60)
        {
            var utcMinutes = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
            return utcMinutes == (23 * 60) + 59;
        }
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
