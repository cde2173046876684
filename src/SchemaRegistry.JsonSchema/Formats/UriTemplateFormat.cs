namespace SchemaRegistry.JsonSchema.Formats;

/// <summary>
/// <c>uri-template</c>: the RFC 6570 section 2 grammar (level 4), with literals, percent-encoded triplets and
/// expressions <c>{op var:prefix, var*}</c>. One deliberate deviation: the apostrophe is accepted in a literal,
/// as the JSON Schema test suite expects although the RFC's ABNF omits %x27.
/// </summary>
internal static class UriTemplateFormat
{
    public static bool IsUriTemplate(ReadOnlySpan<char> value)
    {
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '{')
            {
                var close = value[i..].IndexOf('}');
                if (close < 0 || !IsExpression(value.Slice(i + 1, close - 1)))
                {
                    return false;
                }
                i += close + 1;
                continue;
            }
            if (c == '%')
            {
                if (!IsPercentTriplet(value, i))
                {
                    return false;
                }
                i += 3;
                continue;
            }
            if (c < 0x80)
            {
                if (!IsLiteralAscii(c))
                {
                    return false;
                }
                i++;
                continue;
            }
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                cp = char.ConvertToUtf32(c, value[++i]);
            }
            if (!UriFormat.IsUcsChar(cp) && !UriFormat.IsIPrivate(cp))
            {
                return false;
            }
            i++;
        }
        return true;
    }

    // literals = %x21 / %x23-24 / %x26 / %x28-3B / %x3D / %x3F-5B / %x5D / %x5F / %x61-7A / %x7E (+ %x27, see above)
    private static bool IsLiteralAscii(char c) =>
        c is '!' or '#' or '$' or '&' or '\'' or (>= '(' and <= ';') or '=' or (>= '?' and <= '[') or ']' or '_' or (>= 'a' and <= 'z') or '~';

    private static bool IsPercentTriplet(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]);

    /// <summary>The text between the braces: [operator] varspec *( "," varspec ).</summary>
    private static bool IsExpression(ReadOnlySpan<char> body)
    {
        if (body.IsEmpty)
        {
            return false;
        }
        var i = body[0] is '+' or '#' or '.' or '/' or ';' or '?' or '&' or '=' or ',' or '!' or '@' or '|' ? 1 : 0;
        while (true)
        {
            if (!TryReadVarspec(body, ref i))
            {
                return false;
            }
            if (i == body.Length)
            {
                return true;
            }
            if (body[i] != ',')
            {
                return false;
            }
            i++;
        }
    }

    private static bool TryReadVarspec(ReadOnlySpan<char> body, ref int i)
    {
        // varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded
        var needChar = true;
        var start = i;
        while (i < body.Length)
        {
            var c = body[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                i++;
            }
            else if (c == '%' && IsPercentTriplet(body, i))
            {
                i += 3;
            }
            else if (c == '.' && !needChar && i > start)
            {
                i++;
                needChar = true;
                continue;
            }
            else
            {
                break;
            }
            needChar = false;
        }
        if (needChar)
        {
            return false;
        }
        if (i < body.Length && body[i] == '*')
        {
            i++;
        }
        else if (i < body.Length && body[i] == ':')
        {
            // max-length = %x31-39 0*3DIGIT
            i++;
            var digitsStart = i;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
            }
            var digits = i - digitsStart;
            if (digits is 0 or > 4 || body[digitsStart] == '0')
            {
                return false;
            }
        }
        return true;
    }
}
