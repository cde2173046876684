namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>
/// <c>ipv4</c> (RFC 2673 dotted-quad: four decimal octets, no leading zeros) and <c>ipv6</c> (RFC 4291 2.2 text
/// form, including one <c>::</c> and a trailing embedded IPv4 address; no zone identifier, prefix or brackets).
/// </summary>
internal static class IpAddressFormat
{
    public static bool IsIPv4(ReadOnlySpan<char> value)
    {
        var octets = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var octet = 0;
            while (i < value.Length && char.IsAsciiDigit(value[i]) && i - start < 3)
            {
                octet = (octet * 10) + (value[i] - '0');
                i++;
            }
            var digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && value[start] == '0'))
            {
                return false;
            }
            octets++;
            if (i == value.Length)
            {
                return octets == 4;
            }
            if (value[i] != '.' || octets == 4)
            {
                return false;
            }
            i++;
        }
    }

    public static bool IsIPv6(ReadOnlySpan<char> value)
    {
        if (value.Length < 2)
        {
            return false;
        }
        var groups = 0;
        var compressed = false;
        var i = 0;
        if (value[0] == ':')
        {
            if (value[1] != ':')
            {
                return false;
            }
            compressed = true;
            i = 2;
            if (i == value.Length)
            {
                return true;
            }
        }
        while (true)
        {
            var start = i;
            while (i < value.Length && char.IsAsciiHexDigit(value[i]))
            {
                i++;
            }
            if (i < value.Length && value[i] == '.')
            {
                // An embedded IPv4 address ends the address and stands for two groups.
                if (!IsIPv4(value[start..]))
                {
                    return false;
                }
                groups += 2;
                break;
            }
            var digits = i - start;
            if (digits is 0 or > 4)
            {
                return false;
            }
            groups++;
            if (i == value.Length)
            {
                break;
            }
            if (value[i] != ':')
            {
                return false;
            }
            i++;
            if (i < value.Length && value[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }
                compressed = true;
                i++;
                if (i == value.Length)
                {
                    break;
                }
            }
            else if (i == value.Length)
            {
                return false;
            }
        }
        // "::" stands for at least one group.
        return compressed ? groups <= 7 : groups == 8;
    }
}
