namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>
/// <c>email</c>: an RFC 5321 Mailbox (dot-string or quoted-string local part of at most 64 octets, then a host
/// name or an IPv4/IPv6 address literal). <c>idn-email</c>: the RFC 6531 extension, which also admits any
/// non-ASCII character in the local part and U-labels in the domain.
/// </summary>
internal static class EmailFormat
{
    private const int MaxLocalPartOctets = 64;

    public static bool IsEmail(ReadOnlySpan<char> value) => IsMailbox(value, international: false);

    public static bool IsIdnEmail(ReadOnlySpan<char> value) => IsMailbox(value, international: true);

    private static bool IsMailbox(ReadOnlySpan<char> value, bool international)
    {
        var at = value.Length > 0 && value[0] == '"'
            ? ReadQuotedString(value, international)
            : ReadDotString(value, international);
        if (at <= 0 || at >= value.Length - 1 || value[at] != '@' || Utf8Length(value[..at]) > MaxLocalPartOctets)
        {
            return false;
        }
        var domain = value[(at + 1)..];
        if (domain[0] == '[')
        {
            return domain[^1] == ']' && IsAddressLiteral(domain[1..^1]);
        }
        return international ? HostnameFormat.IsIdnHostname(domain) : HostnameFormat.IsHostname(domain);
    }

    private static readonly System.Buffers.SearchValues<char> AsciiAtext =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~");

    /// <summary>Returns the index just past a Dot-string, or -1.</summary>
    private static int ReadDotString(ReadOnlySpan<char> value, bool international)
    {
        if (!international)
        {
            return ReadAsciiDotString(value);
        }
        var atomStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '.' || c == '@')
            {
                if (i == atomStart)
                {
                    return -1;
                }
                if (c == '@')
                {
                    return i;
                }
                atomStart = i + 1;
                continue;
            }
            if (!IsAtext(c, international) || (char.IsSurrogate(c) && !IsPairAt(value, ref i)))
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>The ASCII Dot-string, atom by atom with a vectorised search: the index of the '@', or -1.</summary>
    private static int ReadAsciiDotString(ReadOnlySpan<char> value)
    {
        var start = 0;
        while (true)
        {
            var end = value[start..].IndexOfAnyExcept(AsciiAtext);
            if (end <= 0)
            {
                return -1;
            }
            var at = start + end;
            if (value[at] == '@')
            {
                return at;
            }
            if (value[at] != '.')
            {
                return -1;
            }
            start = at + 1;
        }
    }

    /// <summary>Returns the index just past a Quoted-string, or -1.</summary>
    private static int ReadQuotedString(ReadOnlySpan<char> value, bool international)
    {
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                return i + 1;
            }
            if (c == '\\')
            {
                // quoted-pairSMTP = %d92 %d32-126 (RFC 6531 adds nothing here).
                if (++i >= value.Length || value[i] is < ' ' or > '~')
                {
                    return -1;
                }
                continue;
            }
            var qtext = c is (>= ' ' and <= '!') or (>= '#' and <= '[') or (>= ']' and <= '~') || (international && c >= 0x80);
            if (!qtext || (char.IsSurrogate(c) && !IsPairAt(value, ref i)))
            {
                return -1;
            }
        }
        return -1;
    }

    private static bool IsPairAt(ReadOnlySpan<char> value, ref int i)
    {
        if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
        {
            i++;
            return true;
        }
        return false;
    }

    private static bool IsAtext(char c, bool international) =>
        char.IsAsciiLetterOrDigit(c)
        || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~'
        || (international && c >= 0x80);

    private static bool IsAddressLiteral(ReadOnlySpan<char> literal)
    {
        if (literal.Length > 5 && literal[..5].Equals("IPv6:", StringComparison.OrdinalIgnoreCase))
        {
            return IpAddressFormat.IsIPv6(literal[5..]);
        }
        // General-address-literal needs a Standardized-tag registered with IANA; none is.
        return IpAddressFormat.IsIPv4(literal);
    }

    private static int Utf8Length(ReadOnlySpan<char> text)
    {
        var length = 0;
        foreach (var c in text)
        {
            length += c switch
            {
                < (char)0x80 => 1,
                < (char)0x800 => 2,
                _ when char.IsSurrogate(c) => 2,
                _ => 3,
            };
        }
        return length;
    }
}
