namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>
/// <c>uri</c> and <c>uri-reference</c> (RFC 3986 section 3 and 4.1 ABNF), <c>iri</c> and <c>iri-reference</c>
/// (RFC 3987 section 2.2: ucschar in every component, iprivate in the query). Only syntax is checked: a host
/// that looks like a bad IPv4 address is still a valid reg-name, and schemes are not looked up.
/// </summary>
internal static class UriFormat
{
    public static bool IsUri(ReadOnlySpan<char> value) => IsValid(value, iri: false, reference: false);

    public static bool IsUriReference(ReadOnlySpan<char> value) => IsValid(value, iri: false, reference: true);

    public static bool IsIri(ReadOnlySpan<char> value) => IsValid(value, iri: true, reference: false);

    public static bool IsIriReference(ReadOnlySpan<char> value) => IsValid(value, iri: true, reference: true);

    private static bool IsValid(ReadOnlySpan<char> value, bool iri, bool reference)
    {
        var schemeLength = SchemeLength(value);
        if (schemeLength < 0 && !reference)
        {
            return false;
        }
        var i = schemeLength < 0 ? 0 : schemeLength + 1;

        var partEnd = value[i..].IndexOfAny('?', '#');
        partEnd = partEnd < 0 ? value.Length : partEnd + i;
        var part = value[i..partEnd];
        if (part.StartsWith("//"))
        {
            var authorityEnd = part[2..].IndexOf('/');
            authorityEnd = authorityEnd < 0 ? part.Length : authorityEnd + 2;
            if (!IsAuthority(part[2..authorityEnd], iri) || !IsPath(part[authorityEnd..], iri))
            {
                return false;
            }
        }
        else
        {
            if (schemeLength < 0)
            {
                // path-noscheme: a colon in the first segment would read as a scheme.
                var firstSegmentEnd = part.IndexOf('/');
                if ((firstSegmentEnd < 0 ? part : part[..firstSegmentEnd]).Contains(':'))
                {
                    return false;
                }
            }
            if (!IsPath(part, iri))
            {
                return false;
            }
        }

        i = partEnd;
        if (i < value.Length && value[i] == '?')
        {
            var queryEnd = value[i..].IndexOf('#');
            queryEnd = queryEnd < 0 ? value.Length : queryEnd + i;
            if (!AllMatch(value[(i + 1)..queryEnd], iri, CharKind.Query))
            {
                return false;
            }
            i = queryEnd;
        }
        return i >= value.Length || AllMatch(value[(i + 1)..], iri, CharKind.Fragment);
    }

    /// <summary>Length of a valid scheme followed by ':', or -1 when the value does not start with one.</summary>
    private static int SchemeLength(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || !char.IsAsciiLetter(value[0]))
        {
            return -1;
        }
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return i;
            }
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return -1;
            }
        }
        return -1;
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority, bool iri)
    {
        var at = authority.IndexOf('@');
        if (at >= 0)
        {
            if (!AllMatch(authority[..at], iri, CharKind.UserInfo))
            {
                return false;
            }
            authority = authority[(at + 1)..];
        }

        ReadOnlySpan<char> port;
        if (authority.StartsWith("["))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || !IsIpLiteral(authority[1..close]))
            {
                return false;
            }
            port = authority[(close + 1)..];
            if (!port.IsEmpty && port[0] != ':')
            {
                return false;
            }
        }
        else
        {
            var colon = authority.IndexOf(':');
            var host = colon < 0 ? authority : authority[..colon];
            if (!AllMatch(host, iri, CharKind.RegName))
            {
                return false;
            }
            port = colon < 0 ? default : authority[colon..];
        }
        foreach (var c in port.IsEmpty ? port : port[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsIpLiteral(ReadOnlySpan<char> literal)
    {
        if (literal.Length > 0 && literal[0] is 'v' or 'V')
        {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            var dot = literal.IndexOf('.');
            if (dot < 2 || dot == literal.Length - 1)
            {
                return false;
            }
            foreach (var c in literal[1..dot])
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }
            foreach (var c in literal[(dot + 1)..])
            {
                if (!IsUnreserved(c) && !IsSubDelim(c) && c != ':')
                {
                    return false;
                }
            }
            return true;
        }
        return IpAddressFormat.IsIPv6(literal);
    }

    private static bool IsPath(ReadOnlySpan<char> path, bool iri) => AllMatch(path, iri, CharKind.Path);

    private static bool AllMatch(ReadOnlySpan<char> text, bool iri, CharKind kind)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }
                i += 2;
                continue;
            }
            if (c < 0x80)
            {
                if (!IsAllowedAscii(c, kind))
                {
                    return false;
                }
                continue;
            }
            if (!iri)
            {
                return false;
            }
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(c, text[++i]);
            }
            if (!IsUcsChar(cp) && !(kind == CharKind.Query && IsIPrivate(cp)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAllowedAscii(char c, CharKind kind)
    {
        if (IsUnreserved(c) || IsSubDelim(c))
        {
            return true;
        }
        return kind switch
        {
            CharKind.UserInfo => c == ':',
            CharKind.RegName => false,
            CharKind.Path => c is ':' or '@' or '/',
            _ => c is ':' or '@' or '/' or '?',
        };
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsSubDelim(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    internal static bool IsUcsChar(int cp) =>
        cp is (>= 0xA0 and <= 0xD7FF) or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFEF)
        || (cp is >= 0x10000 and <= 0xEFFFD && (cp & 0xFFFF) <= 0xFFFD && cp is not (>= 0xE0000 and <= 0xE0FFF));

    internal static bool IsIPrivate(int cp) =>
        cp is (>= 0xE000 and <= 0xF8FF) or (>= 0xF0000 and <= 0xFFFFD) or (>= 0x100000 and <= 0x10FFFD);
}
